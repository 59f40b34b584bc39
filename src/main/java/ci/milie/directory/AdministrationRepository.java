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
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!includeInactive) {
            where.add("a.active = true");
        }
        if (kind != null) {
            where.add("a.kind = :kind");
            parameters.and("kind", kind);
        }
        if (parentId != null) {
            where.add("a.parent.id = :parentId");
            parameters.and("parentId", parentId);
        }
        if (afterCode != null) {
            where.add("a.code > :after");
            parameters.and("after", afterCode);
        }
        String query = "from Administration a left join fetch a.parent"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by a.code";
        return find(query, parameters).range(0, limit).list();
    }
}
