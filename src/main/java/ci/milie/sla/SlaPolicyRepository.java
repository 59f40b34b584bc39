package ci.milie.sla;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ci.milie.common.SqlFilter;
import ci.milie.directory.RequestType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SlaPolicyRepository implements PanacheRepositoryBase<SlaPolicy, UUID> {

    /** Names of the unique constraint and index of V7__sla.sql: one policy per (type, category), one default per type. */
    static final String TYPE_CATEGORY_CONSTRAINT = "sla_policy_type_category_unique";
    static final String TYPE_DEFAULT_CONSTRAINT = "sla_policy_type_default_unique";

    /**
     * The policy of the category if it has one, else the type's default. Joins the caller's
     * transaction if there is one (a request changing stage) without flushing its pending changes.
     */
    @Transactional
    Optional<SlaPolicy> applicable(RequestType type, UUID categoryId) {
        String query = categoryId == null
                ? "from SlaPolicy p where p.requestType = :type and p.categoryId is null"
                : "from SlaPolicy p where p.requestType = :type and (p.categoryId = :category or p.categoryId is null)"
                        + " order by p.categoryId nulls last";
        var typed = getEntityManager().createQuery(query, SlaPolicy.class)
                .setParameter("type", type)
                .setFlushMode(FlushModeType.COMMIT)
                .setMaxResults(1);
        if (categoryId != null) {
            typed.setParameter("category", categoryId);
        }
        return typed.getResultStream().findFirst();
    }

    Optional<SlaPolicy> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    boolean exists(RequestType type, UUID categoryId) {
        return categoryId == null
                ? count("requestType = ?1 and categoryId is null", type) > 0
                : count("requestType = ?1 and categoryId = ?2", type, categoryId) > 0;
    }

    /**
     * One keyset page sorted by type, then category with the type's default first: at most
     * {@code limit + 1} rows, the extra one says "more". {@code after} is the last row of the previous page.
     */
    List<SlaPolicy> page(RequestType type, UUID categoryId, PolicyKey after, int limit) {
        SqlFilter where = new SqlFilter()
                .andIfPresent("p.requestType = :type", "type", type)
                .andIfPresent("p.categoryId = :category", "category", categoryId);
        if (after != null) {
            where.param("afterType", after.type());
            if (after.categoryId() == null) {
                where.and("(p.requestType > :afterType or (p.requestType = :afterType and p.categoryId is not null))");
            } else {
                where.and("(p.requestType > :afterType or (p.requestType = :afterType and p.categoryId > :afterCategory))",
                        "afterCategory", after.categoryId());
            }
        }
        return find("from SlaPolicy p" + where.whereClause() + " order by p.requestType, p.categoryId nulls first",
                where.params()).range(0, limit).list();
    }

    /** Where a page of policies ends. */
    record PolicyKey(RequestType type, UUID categoryId) {
    }
}
