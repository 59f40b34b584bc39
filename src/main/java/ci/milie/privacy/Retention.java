package ci.milie.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Retention: a request closed or rejected longer ago than the retention period loses its
 * contact (name, e-mail, phone), its position and its files, and its messages; its texts stay
 * (what the citizen wrote is the substance of the request), as do every figure the statistics
 * read. Each request is done once ({@code retained_at}), in batches of one short transaction each,
 * each audited by one {@code privacy_act} row. Instances that run it at once share the work: a
 * batch takes its requests with SKIP LOCKED. No transaction spans the run, so a first run over
 * years of backlog neither hits the transaction timeout nor holds back vacuum.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String JOB = "privacy-retention";
    static final int BATCH = 500;

    /** What one run did. */
    public record Run(int requests) {
    }

    private final PersonalData personalData;
    private final PrivacyActs acts;
    private final RetentionConfig config;
    private final Clock clock;

    Retention(PersonalData personalData, PrivacyActs acts, RetentionConfig config, Clock clock) {
        this.personalData = personalData;
        this.acts = acts;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, cron = "${milie.privacy.retention.cron:0 30 2 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.enabled()) {
            LOG.infof("Retention: %d requests past retention anonymised", run().requests());
        }
    }

    /** One pass over every request past retention. */
    public Run run() {
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
        return new Run(total);
    }
}
