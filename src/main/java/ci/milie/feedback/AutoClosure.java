package ci.milie.feedback;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ci.milie.common.Caller;
import ci.milie.common.ClusterLock;
import ci.milie.request.Action;
import ci.milie.request.Payload;
import ci.milie.request.RequestCommands;
import io.quarkus.scheduler.Scheduled;

/** Closes answered requests nobody disputed once the window has passed; once at a time across the cluster. */
@ApplicationScoped
public class AutoClosure {

    static final String JOB = "auto-closure";
    private static final int BATCH = 500;

    private final RequestCommands commands;
    private final ClusterLock lock;
    private final java.time.Clock clock;

    AutoClosure(RequestCommands commands, ClusterLock lock, java.time.Clock clock) {
        this.commands = commands;
        this.lock = lock;
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
        var expired = commands.disputeWindowOver(clock.instant(), BATCH);
        for (UUID id : expired) {
            commands.apply(id, Action.AUTO_CLOSE, Payload.NONE, Caller.system(), null, null);
        }
        return expired.size();
    }
}
