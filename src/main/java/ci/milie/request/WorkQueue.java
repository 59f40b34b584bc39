package ci.milie.request;

import static ci.milie.common.SqlValues.instant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ci.milie.common.Cursor;
import ci.milie.common.Page;
import ci.milie.common.ProblemException;
import ci.milie.directory.RequestType;

/**
 * The work-queue query: filters, French full-text search and keyset pagination over
 * {@code citizen_request}. Keyset (not offset) pagination keeps pages stable while new requests
 * arrive and costs the same on page 1 and page 1,000; each sort has an index.
 */
final class WorkQueue {

    enum Sort {
        /** Newest first. */
        SUBMITTED,
        /** Most urgent first; only requests with a running deadline. */
        DUE
    }

    /**
     * What to list. {@code contactOfAnonymous}: whether the filters on who the citizen is
     * ({@code phone}, {@code citizenId}) may match a request whose citizen asked for anonymity; false
     * for a caller who may not see that citizen's contact, so that a filter never answers "is this
     * the citizen's number?" for a request that hides it. {@code text} searches the subject and the
     * description only, never the contact.
     */
    record Filter(Set<RequestStatus> statuses, RequestType type, UUID categoryId, UUID administrationId,
            Channel channel, String region, Instant from, Instant to, Boolean overdue, Instant dueBefore, String text,
            UUID citizenId, String trackingCode, String phone, boolean contactOfAnonymous) {

        static Filter forCitizen(UUID citizenId) {
            return new Filter(Set.of(), null, null, null, null, null, null, null, null, null, null, citizenId, null, null,
                    true);
        }

        /** This filter within an administration (null: all) and what the caller may know of anonymous citizens. */
        Filter scoped(UUID administration, boolean seesAnonymousContacts) {
            return new Filter(statuses, type, categoryId, administration, channel, region, from, to, overdue, dueBefore,
                    text, citizenId, trackingCode, phone, seesAnonymousContacts);
        }
    }

    private static final Set<String> OPEN = Set.of("RECEIVED", "ROUTED", "IN_PROGRESS", "UNDER_REVIEW");

    private final EntityManager em;
    private final Clock clock;

    WorkQueue(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    Page<Views.RequestSummary> page(Filter filter, Sort sort, int limit, String cursor) {
        Instant now = clock.instant();
        // The page's ids first, then their rows: the ids of a queue often come from an index alone
        // (the overdue queue: 29k entries of a covering index, newest 50 kept, instead of 29k row reads).
        StringBuilder sql = new StringBuilder("select r.id, r.submitted_at, r.due_at from citizen_request r where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" and r.status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        add(sql, params, filter.type() == null ? null : filter.type().name(), "r.type = :type", "type");
        add(sql, params, filter.categoryId(), "r.category_id = :category", "category");
        add(sql, params, filter.administrationId(), "r.administration_id = :administration", "administration");
        add(sql, params, filter.channel() == null ? null : filter.channel().name(), "r.channel = :channel", "channel");
        add(sql, params, filter.region(), "lower(r.region) = lower(:region)", "region");
        add(sql, params, ts(filter.from()), "r.submitted_at >= :from", "from");
        add(sql, params, ts(filter.to()), "r.submitted_at < :to", "to");
        add(sql, params, ts(filter.dueBefore()), "r.due_at < :dueBefore", "dueBefore");
        String unlessAnonymous = filter.contactOfAnonymous() ? "" : " and not r.anonymous";
        add(sql, params, filter.citizenId(), "r.citizen_id = :citizen" + unlessAnonymous, "citizen");
        add(sql, params, filter.trackingCode(), "r.tracking_code = :code", "code");
        add(sql, params, filter.phone(), "r.contact_phone = :phone" + unlessAnonymous, "phone");
        if (filter.text() != null) {
            sql.append(" and r.search @@ websearch_to_tsquery('french', :text)");
            params.put("text", filter.text());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            sql.append(" and r.due_at < :now and r.status in (:open)");
            params.put("now", ts(now));
            params.put("open", List.copyOf(OPEN));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            sql.append(" and (r.due_at is null or r.due_at >= :now)");
            params.put("now", ts(now));
        }
        String[] after = decode(cursor, sort);
        String order;
        if (sort == Sort.SUBMITTED) {
            if (after != null) {
                sql.append(" and (r.submitted_at, r.id) < (:afterTime, :afterId)");
                params.put("afterTime", ts(Instant.parse(after[0])));
                params.put("afterId", UUID.fromString(after[1]));
            }
            sql.append(" order by r.submitted_at desc, r.id desc");
            order = " order by p.submitted_at desc, p.id desc";
        } else {
            sql.append(" and r.due_at is not null");
            if (after != null) {
                sql.append(" and (r.due_at, r.id) > (:afterTime, :afterId)");
                params.put("afterTime", ts(Instant.parse(after[0])));
                params.put("afterId", UUID.fromString(after[1]));
            }
            sql.append(" order by r.due_at, r.id");
            order = " order by p.due_at, p.id";
        }
        sql.append(" limit :limit");
        params.put("limit", limit + 1);

        Query query = em.createNativeQuery("""
                select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
                       r.region, r.submitted_at, r.due_at
                from (%s) p join citizen_request r on r.id = p.id join category c on c.id = r.category_id""".formatted(sql)
                + order);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Views.RequestSummary> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(summary(rows.get(i), now));
        }
        String next = null;
        if (rows.size() > limit) {
            Views.RequestSummary last = items.get(items.size() - 1);
            Instant key = sort == Sort.SUBMITTED ? last.submittedAt() : last.dueAt();
            next = Cursor.encode(sort.name() + "|" + key + "|" + last.id());
        }
        return new Page<>(items, next);
    }

    private static void add(StringBuilder sql, Map<String, Object> params, Object value, String clause, String name) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String[] decode(String cursor, Sort sort) {
        String raw = Cursor.decode(cursor);
        if (raw == null) {
            return null;
        }
        String[] parts = raw.split("\\|");
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException();
            }
            if (!sort.name().equals(parts[0])) {
                throw new IllegalArgumentException();
            }
            Instant.parse(parts[1]);
            UUID.fromString(parts[2]);
            return new String[] { parts[1], parts[2] };
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this API");
        }
    }

    private static Views.RequestSummary summary(Object[] row, Instant now) {
        Instant due = instant(row[10]);
        RequestStatus status = RequestStatus.valueOf((String) row[6]);
        boolean overdue = due != null && due.isBefore(now) && OPEN.contains(status.name());
        return new Views.RequestSummary((UUID) row[0], (String) row[1], RequestType.valueOf((String) row[2]),
                (String) row[3], Channel.valueOf((String) row[4]), (String) row[5], status, (UUID) row[7],
                (String) row[8], instant(row[9]), due, overdue);
    }
}
