package ci.milie.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

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
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!includeInactive) {
            where.add("c.active = true");
        }
        if (parentId != null) {
            where.add("p.id = :parentId");
            parameters.and("parentId", parentId);
        }
        if (parentCode != null) {
            where.add("p.code = :parentCode");
            parameters.and("parentCode", parentCode);
        }
        if (type != null) {
            where.add("array_contains(c.applicableTypes, :type)");
            parameters.and("type", type.name());
        }
        if (afterCode != null) {
            where.add("c.code > :after");
            parameters.and("after", afterCode);
        }
        String query = "from Category c left join fetch c.parent p left join fetch c.defaultAdministration"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.code";
        return find(query, parameters).range(0, limit).list();
    }
}
