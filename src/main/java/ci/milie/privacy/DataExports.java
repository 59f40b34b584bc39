package ci.milie.privacy;

import static ci.milie.common.SqlValues.instant;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import ci.milie.common.Roles;
import ci.milie.notification.MessageKind;
import ci.milie.privacy.DataExport.Account;
import ci.milie.privacy.DataExport.Answer;
import ci.milie.privacy.DataExport.Attachment;
import ci.milie.privacy.DataExport.Category;
import ci.milie.privacy.DataExport.Contact;
import ci.milie.privacy.DataExport.Event;
import ci.milie.privacy.DataExport.Message;
import ci.milie.privacy.DataExport.Rating;
import ci.milie.privacy.DataExport.Scope;
import ci.milie.request.AttachmentService;
import ci.milie.request.RequestStatus;

/**
 * Builds the export of a subject's data. Each kind of row is read in one query over all the
 * requests covered (a citizen may have hundreds), then grouped by request. The subject sees what
 * a citizen sees of their requests: the public timeline, the delivered answers and the files they
 * joined; the administration's internal notes and working documents are withheld.
 */
@ApplicationScoped
public class DataExports {

    static final DataExport.Notes NOTES = new DataExport.Notes(
            "Le contenu des messages est effacé une fois envoyés ou abandonnés : seuls leurs en-têtes figurent ici. "
                    + "Les notes internes et documents de travail de l'administration ne sont pas inclus.",
            "Message bodies are erased once sent or given up: only their headers are listed. "
                    + "The administration's internal notes and working documents are not included.");

    private final EntityManager em;
    private final AttachmentService attachments;
    private final ExportConfig config;
    private final Clock clock;

    DataExports(EntityManager em, AttachmentService attachments, ExportConfig config, Clock clock) {
        this.em = em;
        this.attachments = attachments;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DataExport of(DataSubject subject, Scope scope) {
        UUID[] ids = subject.requestIds().toArray(UUID[]::new);
        Account account = scope == Scope.REQUEST || subject.citizenId() == null ? null : account(subject.citizenId());
        Map<UUID, List<Event>> timelines = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select e.request_id, e.type, e.occurred_at, e.from_status, e.to_status, t.message, e.actor_role
                from request_event e left join request_event_text t on t.event_id = e.id
                where e.request_id = any(?1) and e.visibility = 'PUBLIC'
                order by e.request_id, e.seq""", ids)) {
            String role = (String) row[6];
            timelines.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Event((String) row[1], instant(row[2]),
                    status(row[3]), status(row[4]), (String) row[5], Roles.CITIZEN.equals(role) || "anonymous".equals(role)));
        }
        Map<UUID, List<UUID>> answerFiles = new LinkedHashMap<>();
        Map<UUID, List<Attachment>> files = attachments(ids, answerFiles);
        Map<UUID, List<Answer>> answers = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select a.request_id, a.id, a.text, a.delivered_at
                from answer a
                where a.request_id = any(?1) and a.status = 'DELIVERED'
                order by a.delivered_at, a.id""", ids)) {
            answers.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new Answer((String) row[2], instant(row[3]), answerFiles.getOrDefault((UUID) row[1], List.of())));
        }
        Map<UUID, List<Rating>> ratings = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select request_id, rating, satisfied, clarity, speed, courtesy, comment, submitted_at
                from feedback where request_id = any(?1) order by submitted_at, id""", ids)) {
            ratings.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new Rating(number(row[1]),
                    (Boolean) row[2], nullableNumber(row[3]), nullableNumber(row[4]), nullableNumber(row[5]),
                    (String) row[6], instant(row[7])));
        }
        List<DataExport.Request> requests = new ArrayList<>();
        for (Object[] r : rows("""
                select r.id, r.tracking_code, r.type, c.code, c.label_fr, c.label_en, r.channel, r.subject, r.description,
                       r.region, r.locality, r.latitude, r.longitude, r.contact_name, r.contact_email, r.contact_phone,
                       r.preferred_language, r.anonymous, r.status, r.submitted_at, r.closed_at, r.due_at, a.name
                from citizen_request r
                join category c on c.id = r.category_id
                left join administration a on a.id = r.administration_id
                where r.id = any(?1)
                order by r.submitted_at, r.id""", ids)) {
            UUID id = (UUID) r[0];
            requests.add(new DataExport.Request(id, (String) r[1], (String) r[2],
                    new Category((String) r[3], (String) r[4], (String) r[5]), (String) r[6], (String) r[7], (String) r[8],
                    (String) r[9], (String) r[10], (Double) r[11], (Double) r[12],
                    new Contact((String) r[13], (String) r[14], (String) r[15], (String) r[16]), (Boolean) r[17],
                    (String) r[18], instant(r[19]), instant(r[20]), instant(r[21]), (String) r[22],
                    timelines.getOrDefault(id, List.of()), answers.getOrDefault(id, List.of()),
                    ratings.getOrDefault(id, List.of()), files.getOrDefault(id, List.of())));
        }
        return new DataExport(DataExport.FORMAT, clock.instant(), scope, account, requests,
                messages(subject.email(), subject.phone(), ids),
                devices(scope == Scope.REQUEST ? null : subject.citizenId(), ids), NOTES);
    }

    /** The account's devices and those of the requests' key holders. */
    private List<DataExport.Device> devices(UUID citizenId, UUID[] ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select platform, app_version, language, created_at, last_seen_at
                from device where citizen_id = ?1 or request_id = any(?2)
                order by created_at, id""")
                .unwrap(NativeQuery.class)
                .setParameter(1, citizenId, UUID.class)
                .setParameter(2, ids, UUID[].class)
                .getResultList();
        return rows.stream().map(d -> new DataExport.Device((String) d[0], (String) d[1], (String) d[2], instant(d[3]),
                instant(d[4]))).toList();
    }

    private Account account(UUID citizenId) {
        List<Object[]> rows = rows("""
                select id, email, phone, full_name, preferred_language, created_at, last_login_at
                from citizen where id = ?1""", citizenId);
        if (rows.isEmpty()) {
            return null;
        }
        Object[] c = rows.get(0);
        return new Account((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], instant(c[5]), instant(c[6]));
    }

    /**
     * The files the citizen joined, in the order of their requests. Their bytes are read one file at a
     * time, inline until the configured total; past it, each is listed with the path that serves it.
     */
    private Map<UUID, List<Attachment>> attachments(UUID[] ids, Map<UUID, List<UUID>> byAnswer) {
        long budget = config.maxFileBytes().asLongValue();
        boolean inline = true;
        Map<UUID, List<Attachment>> files = new LinkedHashMap<>();
        for (Object[] f : rows("""
                select f.id, f.request_id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.uploaded_by, f.uploaded_at, f.answer_id
                from attachment f join citizen_request r on r.id = f.request_id
                where f.request_id = any(?1) and f.uploaded_by = 'citizen'
                order by r.submitted_at, r.id, f.uploaded_at, f.id""", ids)) {
            UUID id = (UUID) f[0];
            UUID requestId = (UUID) f[1];
            long size = ((Number) f[4]).longValue();
            // The files past the first that does not fit all go by path, so the document keeps their order.
            inline = inline && size <= budget;
            String content = null;
            String path = null;
            if (inline) {
                budget -= size;
                content = Base64.getEncoder().encodeToString(attachments.storedContent(requestId, id));
            } else {
                path = "/api/v1/requests/" + requestId + "/attachments/" + id;
            }
            if (f[8] != null) {
                byAnswer.computeIfAbsent((UUID) f[8], k -> new ArrayList<>()).add(id);
            }
            files.computeIfAbsent(requestId, k -> new ArrayList<>()).add(new Attachment(id, (String) f[2], (String) f[3],
                    size, (String) f[5], (String) f[6], instant(f[7]), content, path));
        }
        return files;
    }

    /**
     * The messages to the subject's e-mail or phone, or to the citizen about one of the requests
     * covered; never those that tell staff about a request, whatever their address (a shared staff
     * mailbox proved by a code is no citizen's data).
     */
    private List<Message> messages(String email, String phone, UUID[] ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select channel, recipient, kind, subject, status, created_at, sent_at
                from outbox_message
                where kind in (?4) and (recipient = ?1 or recipient = ?2 or request_id = any(?3))
                order by created_at, id""")
                .unwrap(NativeQuery.class)
                .setParameter(1, email, String.class)
                .setParameter(2, phone, String.class)
                .setParameter(3, ids, UUID[].class)
                .setParameterList(4, MessageKind.toCitizens())
                .getResultList();
        return rows.stream().map(m -> new Message((String) m[0], (String) m[1], (String) m[2], (String) m[3], (String) m[4],
                instant(m[5]), instant(m[6]))).toList();
    }

    private List<Object[]> rows(String sql, Object value) {
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        if (value instanceof UUID[] ids) {
            query.setParameter(1, ids, UUID[].class);
        } else {
            query.setParameter(1, value);
        }
        return query.getResultList();
    }

    private static RequestStatus status(Object value) {
        return value == null ? null : RequestStatus.valueOf((String) value);
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static Integer nullableNumber(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
