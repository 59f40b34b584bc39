package ci.milie.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import ci.milie.common.ClusterLock;
import ci.milie.common.Throwables;
import ci.milie.directory.DirectoryQueries;
import ci.milie.notification.MessageKind;
import ci.milie.notification.Outbox;
import ci.milie.request.Actor;
import ci.milie.request.CitizenRequest;
import ci.milie.request.RequestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Watches deadlines: a reminder to the side responsible shortly before a stage is due, an
 * overdue flag (internal event) and a notice to the administration once it is missed, and after
 * a further delay an escalation to OSEP's supervisors. Each is sent once per stage; the job runs
 * once at a time across the cluster.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    static final String JOB = "deadline-watch";
    private static final int BATCH = 1000;

    /** What one run did; SKIPPED when another instance was running the job. */
    public record Run(boolean skipped, int reminders, int overdue, int escalations) {
        static final Run SKIPPED = new Run(true, 0, 0, 0);
    }

    private final RequestRepository requests;
    private final DirectoryQueries directory;
    private final DeadlinePolicy deadlines;
    private final Outbox outbox;
    private final ClusterLock lock;
    private final Clock clock;
    private final Duration reminderLead;
    private final Duration escalationDelay;
    private final String osepEmail;
    private final String supervisorsEmail;

    EscalationJob(RequestRepository requests, DirectoryQueries directory, DeadlinePolicy deadlines, Outbox outbox,
            ClusterLock lock, Clock clock,
            @ConfigProperty(name = "milie.deadlines.reminder-lead") Duration reminderLead,
            @ConfigProperty(name = "milie.deadlines.escalation-delay") Duration escalationDelay,
            @ConfigProperty(name = "milie.osep.contact-email") String osepEmail,
            @ConfigProperty(name = "milie.osep.supervisors-email") String supervisorsEmail) {
        this.requests = requests;
        this.directory = directory;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.lock = lock;
        this.clock = clock;
        this.reminderLead = reminderLead;
        this.escalationDelay = escalationDelay;
        this.osepEmail = osepEmail;
        this.supervisorsEmail = supervisorsEmail;
    }

    @Scheduled(identity = JOB, every = "${milie.deadlines.watch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /** One pass over the requests due soon or overdue; each request in its own transaction. */
    public Run run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock.tryAcquire(JOB)) {
                return Run.SKIPPED;
            }
            Instant now = clock.instant();
            // Working time never runs faster than calendar time, so a week covers any lead over a weekend and holidays.
            List<UUID> candidates = requests.openDueBefore(now.plus(reminderLead).plus(Duration.ofDays(7)), BATCH);
            int[] counts = new int[3];
            for (UUID id : candidates) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> watch(id, now, counts));
                } catch (RuntimeException e) {
                    // A staff member changed the request meanwhile: the next run looks again.
                    LOG.debugf("Deadline watch skipped a request: %s", Throwables.describe(e));
                }
            }
            return new Run(false, counts[0], counts[1], counts[2]);
        });
    }

    private void watch(UUID id, Instant now, int[] counts) {
        CitizenRequest request = requests.findById(id);
        if (request == null || request.currentStage() == null || request.dueAt() == null) {
            return;
        }
        CitizenRequest.Move move = new CitizenRequest.Move(Actor.system(), now, deadlines);
        boolean changed = false;
        if (request.awaitsOverdueFlag(now)) {
            request.flagOverdue(move);
            notify(responsibleFor(request), MessageKind.DEADLINE_MISSED, request, 1);
            counts[1]++;
            changed = true;
        } else if (now.isBefore(request.dueAt()) && request.awaitsReminder()
                && deadlines.remaining(request.dueAt(), now).compareTo(reminderLead) <= 0) {
            request.reminded();
            notify(responsibleFor(request), MessageKind.DEADLINE_REMINDER, request, 0);
            counts[0]++;
            changed = true;
        }
        if (request.awaitsEscalation(now, escalationDelay)) {
            request.escalate(move);
            notify(supervisorsEmail, MessageKind.DEADLINE_MISSED, request, 2);
            counts[2]++;
            changed = true;
        }
        if (changed) {
            requests.save(request);
        }
    }

    private String responsibleFor(CitizenRequest request) {
        if (request.osepResponsible()) {
            return osepEmail;
        }
        return directory.administration(request.administrationId())
                .map(a -> a.contactEmail()).filter(e -> e != null && !e.isBlank()).orElse(osepEmail);
    }

    private void notify(String email, MessageKind kind, CitizenRequest request, int level) {
        Map<String, Object> values = new HashMap<>();
        values.put("trackingCode", request.trackingCode());
        values.put("subject", request.subject());
        values.put("stage", request.currentStage().name());
        values.put("dueAt", request.dueAt().toString());
        values.put("level", level);
        outbox.notify(new Outbox.Recipient(email, null, "fr"), kind, values, request.id());
    }
}
