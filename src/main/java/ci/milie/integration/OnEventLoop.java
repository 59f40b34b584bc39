package ci.milie.integration;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * Starts an outgoing HTTP exchange from an event loop's own context, for a blocking caller (the
 * webhook relay, a resource method): the connection lives on that loop, so every callback of the
 * chain runs on its thread. Chained from the caller's thread instead, a callback added to a future
 * already complete would run there, and a short answer could end before its body or its handlers
 * were asked for.
 */
final class OnEventLoop {

    private OnEventLoop() {
    }

    /** The chain's outcome, to wait for with a deadline. */
    static <T> CompletableFuture<T> call(Vertx vertx, Supplier<Future<T>> chain) {
        ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        context.runOnContext(onLoop -> chain.get().onComplete(result -> {
            if (result.succeeded()) {
                outcome.complete(result.result());
            } else {
                outcome.completeExceptionally(result.cause());
            }
        }));
        return outcome;
    }
}
