package ci.milie.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import ci.milie.common.SqlFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class AdministrationRepository implements PanacheRepositoryBase<Administration, UUID> {

    /** Name of the unique constraint on {@code code} in V1__directory.sql. */
    static final String CODE_CONSTRAINT = "administration_code_unique";

    Optional<Administration> findActive(UUID id) {
        return findByIdOptional(id).filter(Administration::isActive);
    }

    Optional<Administration> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Reads an administration and keeps it from changing until the transaction ends. */
    Optional<Administration> findForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    Optional<Administration> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean codeTakenByAnother(String code, UUID id) {
        return count("code = ?1 and id <> ?2", code, id) > 0;
    }

    /** One keyset page sorted by code: at most {@code limit + 1} rows, the extra one says "more". */
    List<Administration> page(AdministrationKind kind, UUID parentId, boolean includeInactive, String afterCode,
            int limit) {
        SqlFilter where = new SqlFilter();
        if (!includeInactive) {
            where.and("a.active = true");
        }
        where.andIfPresent("a.kind = :kind", "kind", kind)
                .andIfPresent("a.parent.id = :parentId", "parentId", parentId)
                .andIfPresent("a.code > :after", "after", afterCode);
        return find("from Administration a left join fetch a.parent" + where.whereClause() + " order by a.code",
                where.params()).range(0, limit).list();
    }
}
