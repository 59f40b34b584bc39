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
import ci.milie.request.RequestCommands;
import ci.milie.request.RequestFacts;
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

    private final RequestCommands commands;
    private final DirectoryQueries directory;
    private final Outbox outbox;
    private final ClusterLock lock;
    private final Clock clock;
    private final Duration reminderLead;
    private final String osepEmail;
    private final String supervisorsEmail;

    EscalationJob(RequestCommands commands, DirectoryQueries directory, Outbox outbox,
            ClusterLock lock, Clock clock,
            @ConfigProperty(name = "milie.deadlines.reminder-lead") Duration reminderLead,
            @ConfigProperty(name = "milie.osep.contact-email") String osepEmail,
            @ConfigProperty(name = "milie.osep.supervisors-email") String supervisorsEmail) {
        this.commands = commands;
        this.directory = directory;
        this.outbox = outbox;
        this.lock = lock;
        this.clock = clock;
        this.reminderLead = reminderLead;
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
            List<UUID> candidates = commands.dueBefore(now.plus(reminderLead).plus(Duration.ofDays(7)), BATCH);
            int[] counts = new int[3];
            for (UUID id : candidates) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> watch(id, counts));
                } catch (RuntimeException e) {
                    // A staff member changed the request meanwhile: the next run looks again.
                    LOG.debugf("Deadline watch skipped a request: %s", Throwables.describe(e));
                }
            }
            return new Run(false, counts[0], counts[1], counts[2]);
        });
    }

    private void watch(UUID id, int[] counts) {
        commands.watchDeadline(id, reminderLead).ifPresent(check -> {
            RequestFacts request = check.request();
            if (check.flagged()) {
                notify(responsibleFor(request), MessageKind.DEADLINE_MISSED, request, 1);
                counts[1]++;
            } else if (check.reminded()) {
                notify(responsibleFor(request), MessageKind.DEADLINE_REMINDER, request, 0);
                counts[0]++;
            }
            if (check.escalated()) {
                notify(supervisorsEmail, MessageKind.DEADLINE_MISSED, request, 2);
                counts[2]++;
            }
        });
    }

    private String responsibleFor(RequestFacts request) {
        if (request.osepResponsible()) {
            return osepEmail;
        }
        return directory.administration(request.administrationId())
                .map(a -> a.contactEmail()).filter(e -> e != null && !e.isBlank()).orElse(osepEmail);
    }

    private void notify(String email, MessageKind kind, RequestFacts request, int level) {
        Map<String, Object> values = new HashMap<>();
        values.put("trackingCode", request.trackingCode());
        values.put("subject", request.subject());
        values.put("stage", request.currentStage().name());
        values.put("dueAt", request.dueAt().toString());
        values.put("level", level);
        outbox.notify(new Outbox.Recipient(email, null, "fr"), kind, values, request.id());
    }
}
