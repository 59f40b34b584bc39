package ci.milie.common;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;


import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the Prometheus endpoint to the monitoring system: it answers only clients whose address
 * is in {@code milie.metrics.allowed-addresses}, or that present the scrape credential
 * {@code milie.metrics.token} as a bearer token. Everyone else gets 403 problem+json. The metrics
 * name no person, but they tell an attacker the traffic, the queue lengths and the versions.
 */
@ApplicationScoped
public class MetricsAccess {

    private final String path;
    private final List<IpSubnetFilterRule> allowed;
    private final Optional<byte[]> token;
    private final RouteProblems problems;

    MetricsAccess(@ConfigProperty(name = "quarkus.micrometer.export.prometheus.path") String path,
            @ConfigProperty(name = "milie.metrics.allowed-addresses") Optional<List<String>> allowed,
            @ConfigProperty(name = "milie.metrics.token") Optional<String> token, RouteProblems problems) {
        this.path = path;
        this.allowed = allowed.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(MetricsAccess::subnet).toList();
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.problems = problems;
    }

    /** "10.0.0.0/8", "::1/128", or a single address. */
    static IpSubnetFilterRule subnet(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        int bits = slash < 0 ? (address.contains(":") ? 128 : 32) : Integer.parseInt(cidr.substring(slash + 1));
        return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    /** The endpoint and everything under it (the exporter answers {@code /q/metrics/anything} too). */
    private boolean isMetrics(RoutingContext context) {
        String requested = context.normalizedPath();
        return requested != null && (requested.equals(path) || requested.startsWith(path + "/"));
    }

    private void check(RoutingContext context) {
        if (!isMetrics(context)) {
            context.next();
            return;
        }
        if (fromAllowedAddress(context) || presentsToken(context)) {
            context.next();
            return;
        }
        problems.refuse(context, 403, "FORBIDDEN", "FORBIDDEN.metrics");
    }

    private boolean fromAllowedAddress(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null || remote.hostAddress() == null || allowed.isEmpty()) {
            return false;
        }
        InetSocketAddress address = new InetSocketAddress(remote.hostAddress(), remote.port());
        if (address.isUnresolved()) {
            return false;
        }
        return allowed.stream().anyMatch(rule -> rule.matches(address));
    }

    private boolean presentsToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.get());
    }
}
