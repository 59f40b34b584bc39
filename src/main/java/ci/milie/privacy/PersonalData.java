package ci.milie.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import ci.milie.common.Limit;
import ci.milie.common.Mailboxes;
import ci.milie.common.RateLimiter;
import ci.milie.identity.AuthService;
import ci.milie.identity.OtpService;
import ci.milie.notification.MessageKind;
import ci.milie.request.AttachmentStorage;

/**
 * Removes personal data from every table, in the caller's transaction. Privacy is the one concern
 * allowed to rewrite other packages' tables (the request, its event texts, answers, feedback,
 * files, messages), in SQL: the law asks for the data to go wherever they are, and each table's
 * own package would otherwise need an "erase" of its own. What stays is what the statistics read:
 * type, category, region, channel, anonymity, statuses, dates and deadlines, ratings.
 */
@ApplicationScoped
class PersonalData {

    /** What replaces an erased text, everywhere. */
    static final String MARKER = "[effacé]";

    /** The event texts the citizen wrote, or that name their files: replaced whole. */
    private static final String CITIZEN_TEXT = "(e.actor_role in ('citizen', 'anonymous') or e.type = 'ATTACHMENT_ADDED')";

    /** What one erasure removed. */
    record Erased(int requests, int files, boolean account) {
    }

    private final EntityManager em;
    private final AttachmentStorage storage;
    private final AuthService auth;
    private final OtpService otp;
    private final RateLimiter limiter;
    private final Clock clock;

    PersonalData(EntityManager em, AttachmentStorage storage, AuthService auth, OtpService otp, RateLimiter limiter,
            Clock clock) {
        this.em = em;
        this.storage = storage;
        this.auth = auth;
        this.otp = otp;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Erases the subject's personal data: from the requests it covers, and their account and contacts. */
    @Transactional(Transactional.TxType.MANDATORY)
    Erased erase(DataSubject subject) {
        List<UUID> requests = subject.requestIds();
        Instant now = clock.instant();
        List<String> names = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        add(emails, subject.email());
        add(phones, subject.phone());
        // the account's own contacts are the subject's too (OSEP may have checked only one of them)
        List<String[]> contacts = new ArrayList<>();
        contacts.add(new String[] { subject.email(), subject.phone() });
        if (subject.citizenId() != null) {
            for (Object[] row : rows(em.createNativeQuery("select full_name, email, phone from citizen where id = ?1 for update")
                    .setParameter(1, subject.citizenId()))) {
                add(names, row[0]);
                add(emails, row[1]);
                add(phones, row[2]);
                contacts.add(new String[] { (String) row[1], (String) row[2] });
            }
        }
        int files = 0;
        if (!requests.isEmpty()) {
            // The account and OSEP doors prove who the subject is: the contacts they typed on their
            // requests are theirs too. A key proves only one request: its contact could be anyone's,
            // so the key holder's door forgets no contact-keyed data (codes, messages, counters).
            boolean provenSubject = subject.citizenId() != null || subject.email() != null || subject.phone() != null;
            for (Object[] row : rows(withIds(em.createNativeQuery(
                    "select contact_name, contact_email, contact_phone from citizen_request where id = any(?1) order by id for update"),
                    1, requests))) {
                add(names, row[0]);
                add(emails, row[1]);
                add(phones, row[2]);
                if (provenSubject) {
                    contacts.add(new String[] { (String) row[1], (String) row[2] });
                }
            }
            eraseTexts(requests, Redaction.of(names, emails, phones));
            files = deleteFiles(requests);
            deleteMessagesAbout(requests);
            withIds(em.createNativeQuery("delete from idempotency_record where request_id = any(?1)"), 1, requests).executeUpdate();
            withIds(em.createNativeQuery("""
                    update citizen_request
                       set subject = ?2, description = ?2, contact_name = null, contact_email = null, contact_phone = null,
                           locality = null, latitude = null, longitude = null,
                           personal_data_erased_at = ?3, updated_at = ?3, version = version + 1
                     where id = any(?1)"""), 1, requests)
                    .setParameter(2, MARKER).setParameter(3, now).executeUpdate();
        }
        contacts.forEach(contact -> forgetContacts(contact[0], contact[1]));
        boolean account = false;
        if (subject.citizenId() != null) {
            em.createNativeQuery("update citizen_request set citizen_id = null, version = version + 1 where citizen_id = ?1")
                    .setParameter(1, subject.citizenId()).executeUpdate();
            auth.endEverySessionOf(subject.citizenId());
            em.createNativeQuery("delete from device where citizen_id = ?1").setParameter(1, subject.citizenId()).executeUpdate();
            account = em.createNativeQuery("delete from citizen where id = ?1").setParameter(1, subject.citizenId())
                    .executeUpdate() > 0;
        }
        return new Erased(requests.size(), files, account);
    }

    /**
     * The contact and position of closed requests past retention, their files and messages. The
     * texts stay (what was asked and answered), less the contact's name, e-mail and phone wherever
     * they appear in them. Returns the requests done.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<UUID> retain(Instant closedBefore, int batch) {
        @SuppressWarnings("unchecked")
        List<UUID> requests = em.createNativeQuery("""
                select id from citizen_request
                 where status in ('CLOSED', 'REJECTED') and closed_at < ?1 and retained_at is null
                 order by closed_at, id limit ?2 for update skip locked""")
                .setParameter(1, closedBefore).setParameter(2, batch).getResultList();
        if (requests.isEmpty()) {
            return requests;
        }
        for (Object[] row : rows(withIds(em.createNativeQuery(
                "select id, contact_name, contact_email, contact_phone from citizen_request where id = any(?1)"), 1, requests))) {
            List<String> names = new ArrayList<>();
            List<String> emails = new ArrayList<>();
            List<String> phones = new ArrayList<>();
            add(names, row[1]);
            add(emails, row[2]);
            add(phones, row[3]);
            if (!names.isEmpty() || !emails.isEmpty() || !phones.isEmpty()) {
                redactTexts((UUID) row[0], Redaction.of(names, emails, phones));
            }
        }
        // the files go, and with them their names
        withIds(em.createNativeQuery("update request_event_text t set message = ?2 from request_event e "
                + "where e.id = t.event_id and e.request_id = any(?1) and e.type = 'ATTACHMENT_ADDED'"), 1, requests)
                .setParameter(2, MARKER).executeUpdate();
        deleteFiles(requests);
        deleteMessagesAbout(requests);
        withIds(em.createNativeQuery("""
                update citizen_request
                   set contact_name = null, contact_email = null, contact_phone = null, latitude = null, longitude = null,
                       retained_at = ?2, version = version + 1
                 where id = any(?1)"""), 1, requests)
                .setParameter(2, clock.instant()).executeUpdate();
        return requests;
    }

    /** Every text of one request (its own, its history's, its answers', its ratings') loses these identifiers. */
    private void redactTexts(UUID request, Redaction redaction) {
        for (Object[] row : rows(em.createNativeQuery("select subject, description from citizen_request where id = ?1")
                .setParameter(1, request))) {
            String subject = redaction.apply((String) row[0]);
            String description = redaction.apply((String) row[1]);
            if (!subject.equals(row[0]) || !description.equals(row[1])) {
                em.createNativeQuery("update citizen_request set subject = ?2, description = ?3 where id = ?1")
                        .setParameter(1, request).setParameter(2, subject).setParameter(3, description).executeUpdate();
            }
        }
        for (Object[] row : rows(em.createNativeQuery("select t.event_id, t.message from request_event_text t "
                + "join request_event e on e.id = t.event_id where e.request_id = ?1").setParameter(1, request))) {
            String redacted = redaction.apply((String) row[1]);
            if (!redacted.equals(row[1])) {
                em.createNativeQuery("update request_event_text set message = ?2 where event_id = ?1")
                        .setParameter(1, row[0]).setParameter(2, redacted).executeUpdate();
            }
        }
        redactAnswers(List.of(request), redaction);
        for (Object[] row : rows(em.createNativeQuery("select id, comment from feedback where request_id = ?1 and comment is not null")
                .setParameter(1, request))) {
            String redacted = redaction.apply((String) row[1]);
            if (!redacted.equals(row[1])) {
                em.createNativeQuery("update feedback set comment = ?2 where id = ?1")
                        .setParameter(1, row[0]).setParameter(2, redacted).executeUpdate();
            }
        }
    }

    /** The citizen's own texts replaced whole; the staff's texts lose the identifiers they hold. */
    private void eraseTexts(List<UUID> requests, Redaction redaction) {
        withIds(em.createNativeQuery("update request_event_text t set message = ?2 from request_event e "
                + "where e.id = t.event_id and e.request_id = any(?1) and " + CITIZEN_TEXT), 1, requests)
                .setParameter(2, MARKER).executeUpdate();
        for (Object[] row : rows(withIds(em.createNativeQuery("select t.event_id, t.message from request_event_text t "
                + "join request_event e on e.id = t.event_id where e.request_id = any(?1) and not " + CITIZEN_TEXT), 1, requests))) {
            String redacted = redaction.apply((String) row[1]);
            if (!redacted.equals(row[1])) {
                em.createNativeQuery("update request_event_text set message = ?2 where event_id = ?1")
                        .setParameter(1, row[0]).setParameter(2, redacted).executeUpdate();
            }
        }
        redactAnswers(requests, redaction);
        withIds(em.createNativeQuery("update feedback set comment = null where request_id = any(?1) and comment is not null"),
                1, requests).executeUpdate();
    }

    private void redactAnswers(List<UUID> requests, Redaction redaction) {
        for (Object[] row : rows(withIds(em.createNativeQuery("select id, text, remarks from answer where request_id = any(?1)"),
                1, requests))) {
            String text = redaction.apply((String) row[1]);
            String remarks = redaction.apply((String) row[2]);
            if (!text.equals(row[1]) || remarks != null && !remarks.equals(row[2])) {
                em.createNativeQuery("update answer set text = ?2, remarks = ?3, version = version + 1 where id = ?1")
                        .unwrap(NativeQuery.class)
                        .setParameter(1, row[0], UUID.class).setParameter(2, text, String.class)
                        .setParameter(3, remarks, String.class).executeUpdate();
            }
        }
    }

    /** The rows go now; files in the attachments directory once the transaction commits. */
    private int deleteFiles(List<UUID> requests) {
        @SuppressWarnings("unchecked")
        List<String> paths = withIds(em.createNativeQuery(
                "select storage_path from attachment where request_id = any(?1) and storage_path is not null"),
                1, requests).getResultList();
        paths.forEach(storage::deleteAfterCommit);
        return withIds(em.createNativeQuery("delete from attachment where request_id = any(?1)"), 1, requests).executeUpdate();
    }

    /**
     * The messages to the citizen about those requests go, pending ones too: nothing more reaches
     * them. A notice to staff (a missed deadline, a dispute) still goes, since the request is still
     * handled, but a pending one loses its text, which quotes the citizen's subject: what stays is
     * its e-mail subject line (a tracking code and what happened) and a word on why. The devices of
     * their key holders go too (a phone's token), and with them any push still waiting.
     */
    private void deleteMessagesAbout(List<UUID> requests) {
        withIds(em.createNativeQuery("delete from device where request_id = any(?1)"), 1, requests).executeUpdate();
        withIds(em.createNativeQuery("delete from outbox_message where request_id = any(?1) and kind in (?2)"), 1, requests)
                .setParameter(2, MessageKind.toCitizens()).executeUpdate();
        withIds(em.createNativeQuery("""
                update outbox_message
                   set body = coalesce(subject, '') || chr(10) || chr(10) || ?2, html_body = null
                 where request_id = any(?1) and body is not null and kind not in (?3)"""), 1, requests)
                .setParameter(2, STAFF_NOTICE_AFTER_ERASURE).setParameter(3, MessageKind.toCitizens()).executeUpdate();
    }

    /** The text of a pending staff notice about a request whose personal data were just erased. */
    static final String STAFF_NOTICE_AFTER_ERASURE = "Les données personnelles de cette demande ont été effacées à la "
            + "demande du citoyen : consultez-la dans Miliê. / The personal data of this request were erased at the "
            + "citizen's request: see it in Miliê.";

    /** Messages to the subject's own e-mail or phone, codes sent to them, and the abuse counters keyed by them. */
    private void forgetContacts(String email, String phone) {
        if (email == null && phone == null) {
            return;
        }
        // only what was sent to a citizen: notices to a staff mailbox someone proved are not theirs to erase
        em.createNativeQuery("delete from outbox_message where (lower(recipient) = lower(?1) or recipient = ?2) and kind in (?3)")
                .unwrap(NativeQuery.class)
                .setParameter(1, email, String.class).setParameter(2, phone, String.class)
                .setParameterList(3, MessageKind.toCitizens()).executeUpdate();
        otp.forgetCodesSentTo(email, phone);
        for (String contact : new String[] { email == null ? null : Mailboxes.of(email), phone }) {
            if (contact != null) {
                limiter.forget(Limit.OTP_PER_DESTINATION, contact);
                limiter.forget(Limit.SUBMISSION_PER_CONTACT, contact);
            }
        }
    }

    private static jakarta.persistence.Query withIds(jakarta.persistence.Query query, int position, Collection<UUID> ids) {
        query.unwrap(NativeQuery.class).setParameter(position, ids.toArray(UUID[]::new), UUID[].class);
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query query) {
        return query.getResultList();
    }

    private static void add(List<String> values, Object value) {
        if (value instanceof String text && !text.isBlank()) {
            values.add(text);
        }
    }
}
