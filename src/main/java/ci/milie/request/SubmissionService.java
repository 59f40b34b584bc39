package ci.milie.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.common.Caller;
import ci.milie.common.Limit;
import ci.milie.common.Mailboxes;
import ci.milie.common.PhoneNumbers;
import ci.milie.common.ProblemException;
import ci.milie.common.RateLimiter;
import ci.milie.common.Roles;
import ci.milie.common.Secrets;
import ci.milie.directory.CategorySummary;
import ci.milie.directory.DirectoryQueries;
import ci.milie.directory.Regions;
import ci.milie.directory.RequestType;
import ci.milie.identity.CitizenDirectory;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;


/** Intake: validates a new request, files it, and sends the receipt, at most once per Idempotency-Key. */
@ApplicationScoped
public class SubmissionService {

    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /** The receipt, and whether it is a replay of an earlier response to the same key. */
    public record Outcome(SubmissionReceipt receipt, boolean replayed) {
    }

    private final RequestRepository requests;
    private final RequestCommands commands;
    private final DirectoryQueries directory;
    private final Regions regions;
    private final CitizenDirectory citizens;
    private final Outbox outbox;
    private final RequestLinks links;
    private final ObjectMapper json;
    private final EntityManager em;
    private final RateLimiter limiter;
    private final IdempotencyCipher cipher;
    private final Clock clock;

    SubmissionService(RequestRepository requests, RequestCommands commands, DirectoryQueries directory,
            Regions regions, CitizenDirectory citizens, Outbox outbox, RequestLinks links, ObjectMapper json, EntityManager em,
            RateLimiter limiter, IdempotencyCipher cipher, Clock clock) {
        this.requests = requests;
        this.commands = commands;
        this.directory = directory;
        this.regions = regions;
        this.citizens = citizens;
        this.outbox = outbox;
        this.links = links;
        this.json = json;
        this.em = em;
        this.limiter = limiter;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Outcome submit(SubmitRequestCommand command, Caller caller, String idempotencyKey) {
        Actor actor = Actor.of(caller);
        if (idempotencyKey == null) {
            return new Outcome(file(command, caller), false);
        }
        String hash = Secrets.sha256(actor.role() + "|" + actor.id() + "|" + canonical(command));
        // Serialises concurrent retries of one key: the second waits here until the first commits.
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, idempotencyKey);
                lock.execute();
            }
        });
        Instant now = clock.instant();
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, idempotencyKey);
        if (previous != null && previous.createdAt().isAfter(now.minus(IDEMPOTENCY_WINDOW))) {
            if (!previous.requestHash().equals(hash)) {
                throw new ProblemException(422, "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_KEY_REUSED.different");
            }
            return new Outcome(replay(previous.responseBody(), idempotencyKey), true);
        }
        if (previous != null) {
            em.remove(previous);
            em.flush();
        }
        SubmissionReceipt receipt = file(command, caller);
        em.persist(new IdempotencyRecord(idempotencyKey, hash, receipt.id(), write(stored(receipt, idempotencyKey)), now));
        return new Outcome(receipt, false);
    }

    /**
     * The code of the region named: apps send the code, call-centre operators may type the name
     * (French or English, any case, with or without accents); the code is what is kept.
     */
    private String regionCode(String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        return regions.activeCodeOf(region).orElseThrow(() -> ProblemException.invalid("location.region",
                "field.unknownRegion"));
    }

    private SubmissionReceipt file(SubmitRequestCommand command, Caller caller) {
        boolean operator = caller.hasRole(Roles.OPERATOR);
        // An integration client may also read as an agent or OSEP; its token reaches here only with the submit scope.
        boolean client = caller.hasRole(Roles.INTEGRATION);
        if (caller.isStaff() && !operator && !client) {
            throw ProblemException.forbidden("FORBIDDEN.submitters");
        }
        if (command.channel() == Channel.PHONE && !operator) {
            throw ProblemException.invalid("channel", "field.phoneChannelForOperators");
        }
        if (operator && command.channel() != Channel.PHONE) {
            throw ProblemException.invalid("channel", "field.operatorChannel");
        }
        boolean featurePhone = caller.hasRole(Caller.FEATURE_PHONE);
        if (command.channel().isFeaturePhone() != featurePhone) {
            throw ProblemException.invalid("channel", "field.featurePhoneChannel");
        }
        CategorySummary category = directory.activeCategory(command.categoryCode())
                .orElseThrow(() -> ProblemException.invalid("categoryCode", "field.inactiveCategory"));
        if (!category.accepts(command.type())) {
            throw ProblemException.invalid("categoryCode", "field.typeNotAccepted", command.type().name());
        }
        if (command.administrationId() != null && directory.activeAdministration(command.administrationId()).isEmpty()) {
            throw ProblemException.invalid("administrationId", "field.inactiveAdministration");
        }
        Contact contact = contactOf(command, caller);
        if (command.type() == RequestType.COMPLAINT && !contact.reachable()) {
            throw ProblemException.invalid("contact", "field.complaintContact");
        }
        if (command.channel() == Channel.PHONE && contact.phone() == null) {
            throw ProblemException.invalid("contact.phone", "field.phoneForPhoneRequest");
        }
        var input = command.location();
        Location location = input == null ? null
                : new Location(regionCode(input.region()), trim(input.locality()), input.latitude(), input.longitude());
        UUID citizenId = caller.hasRole(Roles.CITIZEN) ? caller.id().orElse(null) : null;
        var submission = new CitizenRequest.Submission(command.type(), category.id(), command.channel(),
                command.subject().strip(), command.description().strip(), command.administrationId(), location,
                contact, command.anonymous(), citizenId, operator ? caller.id().orElse(null) : null);

        if (!caller.isStaff()) {
            // Each receipt is an official message to whatever address was given: count them per
            // client and per contact (operators, who enter phone calls, are not limited). An
            // integration client files for many people from one address: its own limit counts it.
            // An aggregator, too, calls for many people from one address; its callbacks count each number.
            if (!client && !featurePhone) {
                limiter.hit(Limit.SUBMISSION_PER_ADDRESS, limiter.client());
            }
            if (contact.email() != null) {
                limiter.hit(Limit.SUBMISSION_PER_CONTACT, Mailboxes.of(contact.email()));
            }
            if (contact.phone() != null) {
                limiter.hit(Limit.SUBMISSION_PER_CONTACT, contact.phone());
            }
        }
        String accessKey = Secrets.random(16);
        String trackingCode = uniqueTrackingCode();
        CitizenRequest request = commands.submit(submission, trackingCode, Secrets.sha256(accessKey), caller);

        String trackingUrl = links.tracking(trackingCode, accessKey);
        outbox.notify(RequestFacts.of(request).citizen(), MessageKind.RECEIPT,
                Map.of("trackingCode", trackingCode, "subject", request.subject(), "trackingUrl", trackingUrl),
                request.id());
        return new SubmissionReceipt(request.id(), trackingCode, accessKey, request.status(), request.type(),
                category.code(), request.channel(), request.submittedAt(), request.dueAt(), trackingUrl);
    }

    /** Contact from the form; a signed-in citizen's account fills what the form leaves out. */
    private Contact contactOf(SubmitRequestCommand command, Caller caller) {
        var input = command.contact();
        String name = input == null ? null : trim(input.fullName());
        String email = input == null || trim(input.email()) == null ? null : input.email().trim().toLowerCase(java.util.Locale.ROOT);
        String phone = input == null ? null : PhoneNumbers.normalise(input.phone()).orElse(null);
        String language = input == null || input.preferredLanguage() == null ? "fr" : input.preferredLanguage();
        if (caller.hasRole(Roles.CITIZEN) && email == null && phone == null) {
            Optional<CitizenDirectory.CitizenContact> account = caller.id().flatMap(citizens::contactOf);
            if (account.isPresent()) {
                email = account.get().email();
                phone = account.get().phone();
            }
        }
        return new Contact(name, email, phone, language);
    }

    private String uniqueTrackingCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String code = TrackingCodes.next();
            if (!requests.trackingCodeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free tracking code after 5 draws");
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String canonical(SubmitRequestCommand command) {
        try {
            return json.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated command always serialises", e);
        }
    }

    /**
     * The receipt as kept for replays: its access key encrypted, and no tracking link (which carries
     * the key in clear); the replay rebuilds the link from the key.
     */
    private SubmissionReceipt stored(SubmissionReceipt receipt, String idempotencyKey) {
        return new SubmissionReceipt(receipt.id(), receipt.trackingCode(), cipher.seal(receipt.accessKey(), idempotencyKey),
                receipt.status(), receipt.type(), receipt.categoryCode(), receipt.channel(), receipt.submittedAt(),
                receipt.dueAt(), null);
    }

    /** The first response again; without its key when that cannot be decrypted (see IdempotencyCipher#open). */
    private SubmissionReceipt replay(String body, String idempotencyKey) {
        SubmissionReceipt stored = read(body);
        String accessKey = cipher.open(stored.accessKey(), idempotencyKey).orElse(null);
        return new SubmissionReceipt(stored.id(), stored.trackingCode(), accessKey, stored.status(), stored.type(),
                stored.categoryCode(), stored.channel(), stored.submittedAt(), stored.dueAt(),
                links.tracking(stored.trackingCode(), accessKey));
    }

    private String write(SubmissionReceipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a receipt always serialises", e);
        }
    }

    private SubmissionReceipt read(String body) {
        try {
            return json.readValue(body, SubmissionReceipt.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt always deserialises", e);
        }
    }
}
