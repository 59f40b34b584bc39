package ci.milie.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import ci.milie.common.SqlFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class CategoryRepository implements PanacheRepositoryBase<Category, UUID> {

    /** Name of the unique constraint on {@code code} in V1__directory.sql. */
    static final String CODE_CONSTRAINT = "category_code_unique";

    Optional<Category> findActiveByCode(String code) {
        return findByCode(code).filter(Category::isActive);
    }

    Optional<Category> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    Optional<Category> findByCodeForShare(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_READ).firstResultOptional();
    }

    Optional<Category> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean codeTakenByAnother(String code, UUID id) {
        return count("code = ?1 and id <> ?2", code, id) > 0;
    }

    boolean hasSubCategories(UUID id) {
        return count("parent.id", id) > 0;
    }

    long countActiveSubCategories(UUID id) {
        return count("parent.id = ?1 and active = true", id);
    }

    long countActiveRoutingTo(UUID administrationId) {
        return count("defaultAdministration.id = ?1 and active = true", administrationId);
    }

    /** One keyset page sorted by code: at most {@code limit + 1} rows, the extra one says "more". */
    List<Category> page(UUID parentId, String parentCode, RequestType type, boolean includeInactive,
            String afterCode, int limit) {
        SqlFilter where = new SqlFilter();
        if (!includeInactive) {
            where.and("c.active = true");
        }
        where.andIfPresent("p.id = :parentId", "parentId", parentId)
                .andIfPresent("p.code = :parentCode", "parentCode", parentCode)
                .andIfPresent("array_contains(c.applicableTypes, :type)", "type", type == null ? null : type.name())
                .andIfPresent("c.code > :after", "after", afterCode);
        return find("from Category c left join fetch c.parent p left join fetch c.defaultAdministration"
                + where.whereClause() + " order by c.code", where.params()).range(0, limit).list();
    }
}
