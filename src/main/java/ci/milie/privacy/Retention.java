package ci.milie.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ci.milie.common.ClusterLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Retention: a request closed or rejected longer ago than the retention period loses its
 * contact (name, e-mail, phone), its position and its files, and its messages; its texts stay
 * (what the citizen wrote is the substance of the request), as do every figure the statistics
 * read. Each request is done once ({@code retained_at}); the job runs once at a time across the
 * cluster, in batches of one transaction each, each audited by one {@code privacy_act} row.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String JOB = "privacy-retention";
    static final int BATCH = 500;

    /** What one run did; SKIPPED when another instance was running the job. */
    public record Run(boolean skipped, int requests) {
        static final Run SKIPPED = new Run(true, 0);
    }

    private final PersonalData personalData;
    private final PrivacyActs acts;
    private final ClusterLock lock;
    private final RetentionConfig config;
    private final Clock clock;

    Retention(PersonalData personalData, PrivacyActs acts, ClusterLock lock, RetentionConfig config, Clock clock) {
        this.personalData = personalData;
        this.acts = acts;
        this.lock = lock;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, cron = "${milie.privacy.retention.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.enabled()) {
            Run run = run();
            if (!run.skipped()) {
                LOG.infof("Retention: %d requests past retention anonymised", run.requests());
            }
        }
    }

    /** One pass over every request past retention. */
    public Run run() {
        // the lock is held by this outer transaction while each batch commits in its own
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!lock.tryAcquire(JOB)) {
                return Run.SKIPPED;
            }
            Instant closedBefore = clock.instant().atZone(ZoneOffset.UTC).minus(config.period()).toInstant();
            int total = 0;
            int done;
            do {
                done = QuarkusTransaction.requiringNew().call(() -> {
                    List<UUID> requests = personalData.retain(closedBefore, BATCH);
                    if (!requests.isEmpty()) {
                        acts.record(PrivacyActs.Act.RETENTION, PrivacyActs.Via.RETENTION, null, null, null, requests);
                    }
                    return requests.size();
                });
                total += done;
            } while (done == BATCH);
            return new Run(false, total);
        });
    }
}
