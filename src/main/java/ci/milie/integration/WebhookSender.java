package ci.milie.integration;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One POST of a signed body to a checked address. Vert.x's client connects to the address the
 * guard checked ({@code RequestOptions.server}) while the URL's host still names the server in
 * {@code Host}, in TLS's SNI and in the certificate check: no second DNS lookup for a rebinding to
 * answer. Blocking: the relay calls it from a worker thread, never from an event loop.
 */
@ApplicationScoped
class WebhookSender {

    /** What the receiver answered: its status, or null when none came (refused, timed out, network). */
    record Answer(Integer status, long latencyMs) {
    }

    private final Vertx vertx;
    private final HttpClient http;
    private final WebhookConfig config;

    WebhookSender(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setKeepAlive(false)
                .setMaxRedirects(0));
    }

    Answer send(WebhookTargets.Target target, String body, String eventId, String signature) {
        long started = System.nanoTime();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.uri().toString())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setFollowRedirects(false)
                .setIdleTimeout(config.responseTimeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Milie-Webhooks/1")
                .putHeader("Milie-Event-Id", eventId)
                .putHeader("Milie-Signature", signature);
        CompletableFuture<Integer> answered = OnEventLoop.call(vertx, () -> http.request(request)
                .compose(sent -> sent.send(Buffer.buffer(body)))
                // read the answer to its end (and drop it) so that the connection closes cleanly
                .compose(response -> response.body().map(ignored -> response.statusCode())));
        try {
            int status = answered
                    .get(config.connectTimeout().plus(config.responseTimeout()).toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(status, elapsed(started));
        } catch (ExecutionException | TimeoutException e) {
            return new Answer(null, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
