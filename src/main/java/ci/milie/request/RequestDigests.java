package ci.milie.request;

import static ci.milie.common.SqlValues.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.Roles;

/**
 * Requests in a few fields, many at a time, by tracking code or by period (see {@link RequestDigest}).
 * By code, anyone gets what the tracking page shows, and unknown codes count towards the same
 * guessing limit as tracking; the request's details only to a reader who may see it. By period,
 * only staff readers list, and only what they may see: a list would otherwise hand out tracking codes.
 */
@ApplicationScoped
public class RequestDigests {

    /** Listing by period: submitted in [from, to), of these categories and statuses (empty: any). */
    public record Period(Instant from, Instant to, Set<String> categoryCodes, Set<RequestStatus> statuses) {
    }

    private static final String COLUMNS = """
            select r.id, r.tracking_code, r.status, c.code, c.label_fr, c.label_en, a.name, r.submitted_at, r.updated_at,
                   r.due_at, (select e.type from request_event e where e.request_id = r.id and e.visibility = 'PUBLIC'
                              order by e.seq desc limit 1),
                   r.administration_id, r.description, r.region, r.locality, r.latitude, r.longitude,
                   (select f.id from attachment f where f.request_id = r.id and f.uploaded_by = 'citizen'
                    order by f.uploaded_at, f.id limit 1)
            from citizen_request r
            join category c on c.id = r.category_id
            left join administration a on a.id = r.administration_id
            """;

    private final EntityManager em;
    private final KeyAttempts keyAttempts;

    RequestDigests(EntityManager em, KeyAttempts keyAttempts) {
        this.em = em;
        this.keyAttempts = keyAttempts;
    }

    /** The requests of these codes, in the order asked, unknown ones left out (and counted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestDigest> byCodes(Collection<String> rawCodes, Caller reader) {
        Map<String, RequestDigest> found = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        for (String raw : rawCodes) {
            String code = TrackingCodes.normalise(raw);
            keyAttempts.beforeCode();
            if (!TrackingCodes.FORMAT.matcher(code).matches()) {
                keyAttempts.unknownCode();
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "where r.tracking_code = any(cast(?1 as varchar[]))")
                .setParameter(1, codes.toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            found.put((String) row[1], digest(row, reader));
        }
        List<RequestDigest> digests = new ArrayList<>();
        for (String code : codes) {
            RequestDigest digest = found.get(code);
            if (digest == null) {
                keyAttempts.unknownCode();
            } else {
                digests.add(digest);
            }
        }
        return digests;
    }

    /** The request with this id, as {@link #byCodes} shows it; empty when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RequestDigest> byId(UUID id, Caller reader) {
        keyAttempts.beforeCode();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(COLUMNS + "where r.id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            keyAttempts.unknownCode();
            return Optional.empty();
        }
        return Optional.of(digest(rows.get(0), reader));
    }

    /**
     * One page of the requests the reader may see, newest first; nothing for a reader who is not
     * staff of OSEP or of an administration (with an administration: only the requests it has).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestDigest> inPeriod(Period period, Caller reader, int limit, int offset) {
        Optional<UUID> scope = scope(reader);
        if (scope == null) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(COLUMNS).append("where r.submitted_at >= :from and r.submitted_at < :to");
        if (scope.isPresent()) {
            sql.append(" and r.administration_id = :administration");
        }
        if (!period.categoryCodes().isEmpty()) {
            sql.append(" and c.code = any(cast(:codes as varchar[]))");
        }
        if (!period.statuses().isEmpty()) {
            sql.append(" and r.status = any(cast(:statuses as varchar[]))");
        }
        sql.append(" order by r.submitted_at desc, r.id desc");
        var query = em.createNativeQuery(sql.toString()).setParameter("from", period.from()).setParameter("to", period.to())
                .setMaxResults(limit).setFirstResult(offset);
        scope.ifPresent(administration -> query.setParameter("administration", administration));
        if (!period.categoryCodes().isEmpty()) {
            query.setParameter("codes", period.categoryCodes().toArray(String[]::new));
        }
        if (!period.statuses().isEmpty()) {
            query.setParameter("statuses", period.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> digest(row, reader)).toList();
    }

    /**
     * Whose requests the reader sees in full: every one (empty) for OSEP, its administration's for an
     * agent (or a client of that administration), none (null) for anyone else.
     */
    private static Optional<UUID> scope(Caller reader) {
        if (reader.hasRole(Roles.OSEP) || reader.hasRole(Roles.SUPERVISOR)) {
            return Optional.empty();
        }
        if (reader.hasRole(Roles.AGENT) && reader.administrationId().isPresent()) {
            return reader.administrationId();
        }
        return null;
    }

    private static RequestDigest digest(Object[] row, Caller reader) {
        Optional<UUID> scope = scope(reader);
        UUID administrationId = (UUID) row[11];
        boolean detailed = scope != null && (scope.isEmpty() || scope.get().equals(administrationId));
        return new RequestDigest((UUID) row[0], (String) row[1], RequestStatus.valueOf((String) row[2]),
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], instant(row[7]), instant(row[8]),
                instant(row[9]), row[10] == null ? null : EventType.valueOf((String) row[10]), detailed,
                detailed ? (String) row[12] : null, detailed ? (String) row[13] : null,
                detailed ? (String) row[14] : null, detailed ? (Double) row[15] : null,
                detailed ? (Double) row[16] : null, detailed ? (UUID) row[17] : null);
    }
}
