package ci.milie.request;

import static ci.milie.common.SqlValues.instant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ci.milie.common.Keyset;
import ci.milie.common.Page;
import ci.milie.common.SqlFilter;
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
            UUID citizenId, String trackingCode, String phone, boolean contactOfAnonymous, Instant updatedSince) {

        /** A citizen's own requests; {@code updatedSince} (nullable): only those changed after it. */
        static Filter forCitizen(UUID citizenId, Instant updatedSince) {
            return new Filter(Set.of(), null, null, null, null, null, null, null, null, null, null, citizenId, null, null,
                    true, updatedSince);
        }

        /** This filter within an administration (null: all) and what the caller may know of anonymous citizens. */
        Filter scoped(UUID administration, boolean seesAnonymousContacts) {
            return new Filter(statuses, type, categoryId, administration, channel, region, from, to, overdue, dueBefore,
                    text, citizenId, trackingCode, phone, seesAnonymousContacts, updatedSince);
        }
    }


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
        SqlFilter where = where(filter, now);
        String[] after = Keyset.after(cursor, key -> parseKey(key, sort));
        String idsOrder;
        String rowsOrder;
        if (sort == Sort.SUBMITTED) {
            if (after != null) {
                where.and("(r.submitted_at, r.id) < (:afterTime, :afterId)", "afterTime", ts(Instant.parse(after[0])))
                        .param("afterId", UUID.fromString(after[1]));
            }
            idsOrder = " order by r.submitted_at desc, r.id desc";
            rowsOrder = " order by p.submitted_at desc, p.id desc";
        } else {
            where.and("r.due_at is not null");
            if (after != null) {
                where.and("(r.due_at, r.id) > (:afterTime, :afterId)", "afterTime", ts(Instant.parse(after[0])))
                        .param("afterId", UUID.fromString(after[1]));
            }
            idsOrder = " order by r.due_at, r.id";
            rowsOrder = " order by p.due_at, p.id";
        }
        where.param("limit", limit + 1);
        String ids = "select r.id, r.submitted_at, r.due_at from citizen_request r where 1 = 1" + where.andClauses()
                + idsOrder + " limit :limit";
        Query query = where.bindTo(em.createNativeQuery("""
                select r.id, r.tracking_code, r.type, c.code, r.channel, r.subject, r.status, r.administration_id,
                       r.region, r.submitted_at, r.due_at, c.label_fr, c.label_en, a.name
                from (%s) p join citizen_request r on r.id = p.id join category c on c.id = r.category_id
                left join administration a on a.id = r.administration_id""".formatted(ids)
                + rowsOrder));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        // The cursor is the last row's sort key: submitted_at (column 9) or due_at (10), then the id.
        int keyColumn = sort == Sort.SUBMITTED ? 9 : 10;
        return Keyset.page(rows, limit, row -> sort.name() + "|" + instant(row[keyColumn]) + "|" + row[0],
                row -> summary(row, now));
    }

    /**
     * How many requests the filter matches, all pages together. Only for a citizen's own list
     * (their index, a handful of rows): a staff queue counts from the statistics instead, since
     * counting a large filtered queue on every page would read every matching row.
     */
    long count(Filter filter) {
        SqlFilter where = where(filter, clock.instant());
        Query query = where.bindTo(em.createNativeQuery("select count(*) from citizen_request r where 1 = 1" + where.andClauses()));
        return ((Number) query.getSingleResult()).longValue();
    }

    private SqlFilter where(Filter filter, Instant now) {
        SqlFilter where = new SqlFilter();
        if (!filter.statuses().isEmpty()) {
            where.and("r.status in (:statuses)", "statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        where.andIfPresent("r.type = :type", "type", filter.type() == null ? null : filter.type().name());
        where.andIfPresent("r.category_id = :category", "category", filter.categoryId());
        where.andIfPresent("r.administration_id = :administration", "administration", filter.administrationId());
        where.andIfPresent("r.channel = :channel", "channel", filter.channel() == null ? null : filter.channel().name());
        where.andIfPresent("lower(r.region) = lower(:region)", "region", filter.region());
        where.andIfPresent("r.submitted_at >= :from", "from", ts(filter.from()));
        where.andIfPresent("r.submitted_at < :to", "to", ts(filter.to()));
        where.andIfPresent("r.due_at < :dueBefore", "dueBefore", ts(filter.dueBefore()));
        String unlessAnonymous = filter.contactOfAnonymous() ? "" : " and not r.anonymous";
        where.andIfPresent("r.citizen_id = :citizen" + unlessAnonymous, "citizen", filter.citizenId());
        where.andIfPresent("r.tracking_code = :code", "code", filter.trackingCode());
        where.andIfPresent("r.contact_phone = :phone" + unlessAnonymous, "phone", filter.phone());
        where.andIfPresent("r.search @@ websearch_to_tsquery('french', :text)", "text", filter.text());
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.and("r.due_at < :now and r.status in (:running)", "now", ts(now))
                    .param("running", RequestStatus.names(RequestStatus.RUNNING));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            where.and("(r.due_at is null or r.due_at >= :now)", "now", ts(now));
        }
        where.andIfPresent("r.updated_at > :updatedSince", "updatedSince", ts(filter.updatedSince()));
        return where;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** The sort key a cursor carries: {@code SORT|instant|id}, of this very sort. */
    private static String[] parseKey(String key, Sort sort) {
        String[] parts = key.split("\\|");
        if (parts.length != 3 || !sort.name().equals(parts[0])) {
            throw new IllegalArgumentException("not a cursor of this sort");
        }
        Instant.parse(parts[1]);
        UUID.fromString(parts[2]);
        return new String[] { parts[1], parts[2] };
    }

    /** One row of the page: the category's labels and the administration's name come with it, by the same query's joins. */
    private static Views.RequestSummary summary(Object[] row, Instant now) {
        Instant due = instant(row[10]);
        RequestStatus status = RequestStatus.valueOf((String) row[6]);
        boolean overdue = due != null && due.isBefore(now) && RequestStatus.RUNNING.contains(status);
        return new Views.RequestSummary((UUID) row[0], (String) row[1], RequestType.valueOf((String) row[2]),
                (String) row[3], (String) row[11], (String) row[12], Channel.valueOf((String) row[4]), (String) row[5], status,
                (UUID) row[7], (String) row[13], (String) row[8], instant(row[9]), due, overdue);
    }
}
