package ci.milie.feedback;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.ClusterLock;
import ci.milie.request.Actor;
import ci.milie.request.CitizenRequest;
import ci.milie.request.RequestRepository;
import ci.milie.sla.DeadlinePolicy;
import io.quarkus.scheduler.Scheduled;

/** Closes answered requests nobody disputed once the window has passed; once at a time across the cluster. */
@ApplicationScoped
public class AutoClosure {

    static final String JOB = "auto-closure";
    private static final int BATCH = 500;

    private final RequestRepository requests;
    private final ClusterLock lock;
    private final DeadlinePolicy deadlines;
    private final FeedbackConfig config;
    private final Clock clock;

    AutoClosure(RequestRepository requests, ClusterLock lock, DeadlinePolicy deadlines, FeedbackConfig config, Clock clock) {
        this.requests = requests;
        this.lock = lock;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "${milie.feedback.auto-close-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        closeExpired();
    }

    /** Closes up to one batch; returns how many, or -1 when another instance holds the job. */
    @Transactional
    public int closeExpired() {
        if (!lock.tryAcquire(JOB)) {
            return -1;
        }
        Instant now = clock.instant();
        var expired = requests.answeredBefore(now.minus(config.reopenWindow()), BATCH);
        CitizenRequest.Move move = new CitizenRequest.Move(Actor.system(), now, deadlines);
        for (CitizenRequest request : expired) {
            request.closeAfterWindow(move);
            requests.save(request);
        }
        return expired.size();
    }
}
