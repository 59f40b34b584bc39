package ci.milie.privacy;

import static ci.milie.common.SqlValues.instant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.SqlFilter;

/** The audit of privacy acts, newest first, for supervisors and administrators. */
@ApplicationScoped
public class PrivacyActQueries {

    public record Filter(PrivacyActs.Act act, PrivacyActs.Via via, UUID staffId, Instant from, Instant to) {
    }

    private final EntityManager em;

    PrivacyActQueries(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PrivacyActView> list(Filter filter, int limit, String cursor) {
        SqlFilter where = new SqlFilter()
                .andIfPresent("act = :act", "act", filter.act() == null ? null : filter.act().name())
                .andIfPresent("requested_via = :via", "via", filter.via() == null ? null : filter.via().name())
                .andIfPresent("staff_id = :staff", "staff", filter.staffId())
                .andIfPresent("occurred_at >= :from", "from", ts(filter.from()))
                .andIfPresent("occurred_at < :to", "to", ts(filter.to()));
        String[] after = Keyset.after(cursor, PrivacyActQueries::parseKey);
        if (after != null) {
            where.and("(occurred_at, id) < (:afterTime, :afterId)", "afterTime", ts(Instant.parse(after[0])))
                    .param("afterId", UUID.fromString(after[1]));
        }
        where.param("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bindTo(em.createNativeQuery("""
                select id, act, requested_via, staff_id, identity_check, citizen_id, request_ids, occurred_at
                from privacy_act""" + where.whereClause() + " order by occurred_at desc, id desc limit :limit"))
                .getResultList();
        return Keyset.page(rows, limit, row -> instant(row[7]) + "|" + row[0], PrivacyActQueries::view);
    }

    private static PrivacyActView view(Object[] row) {
        return new PrivacyActView((UUID) row[0], PrivacyActs.Act.valueOf((String) row[1]), PrivacyActs.Via.valueOf((String) row[2]),
                (UUID) row[3], (String) row[4], (UUID) row[5], uuids(row[6]), instant(row[7]));
    }

    private static List<UUID> uuids(Object value) {
        if (value instanceof UUID[] ids) {
            return List.of(ids);
        }
        if (value instanceof Object[] ids) {
            return Arrays.stream(ids).map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList();
        }
        throw new IllegalStateException("unexpected uuid[] type " + value.getClass().getSimpleName());
    }

    /** The sort key a cursor carries: {@code instant|id}. */
    private static String[] parseKey(String key) {
        String[] parts = key.split("\\|");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a cursor of this list");
        }
        Instant.parse(parts[0]);
        UUID.fromString(parts[1]);
        return parts;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
