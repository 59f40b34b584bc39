package ci.milie.common;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What an instance does between SIGTERM and its end, so that it drains within
 * {@code quarkus.shutdown.timeout}.
 *
 * <p>Requests: once the shutdown's delay step ({@code quarkus.shutdown.delay}) has passed, a new
 * API request is refused before any work, 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}
 * and {@code Connection: close}, so that the client retries on another instance. Quarkus itself
 * keeps serving new requests while it waits for those under way, so under steady traffic it never
 * drains and, at the timeout, cuts requests whose work may already be committed. Those under way
 * finish and are answered. {@code /q/} (health, metrics) stays served.
 *
 * <p>Relays: from the first step no delivery starts ({@link #begin} answers false); the one under
 * way (a message claimed, sent and recorded) finishes before the database pools close, within the
 * same timeout. Without this, a send done while the pools close stays SENDING and is sent a second
 * time after {@code milie.outbox.sending-timeout}.
 */
@ApplicationScoped
public class Stopping {

    private static final Logger LOG = Logger.getLogger(Stopping.class);
    static final int RETRY_AFTER_SECONDS = 1;

    private final Duration patience;
    private final Duration delay;
    private final RouteProblems problems;
    private final Object lock = new Object();
    private boolean stopping;
    private int underWay;
    /** System.nanoTime() from which new requests are refused; meaningful once {@link #refusing} is set. */
    private volatile long refuseFrom;
    private volatile boolean refusing;

    Stopping(@ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout,
            @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay, RouteProblems problems) {
        this.patience = timeout.orElse(Duration.ZERO);
        this.delay = delay.orElse(Duration.ZERO);
        this.problems = problems;
    }

    /** Starts a piece of work, or answers false once the instance is stopping; {@link #end} follows a true. */
    public boolean begin() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            underWay++;
            return true;
        }
    }

    public void end() {
        synchronized (lock) {
            underWay--;
            lock.notifyAll();
        }
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::refuseWhenStopping);
    }

    private void refuseWhenStopping(RoutingContext context) {
        String path = context.request().path();
        if (!refusing || System.nanoTime() - refuseFrom < 0 || (path != null && path.startsWith("/q/"))) {
            context.next();
            return;
        }
        context.response().endHandler(done -> context.request().connection().close());
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close")
                .putHeader(HttpHeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        problems.refuse(context, 503, "SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE.stopping");
    }

    void refuseNewWork(@Observes ShutdownDelayInitiatedEvent event) {
        synchronized (lock) {
            stopping = true;
        }
        // while the delay lasts a load balancer may still route here: serve until it ends
        refuseFrom = System.nanoTime() + delay.toNanos();
        refusing = true;
    }

    /** Runs before the pools close: waits for the deliveries under way, up to the shutdown timeout. */
    void awaitWorkUnderWay(@Observes ShutdownEvent event) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (lock) {
            stopping = true;
            while (underWay > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warnf("Stopping with %d relay deliveries under way: they will be retried", underWay);
                    return;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
