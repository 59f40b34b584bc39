package ci.milie.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address of the client of the current HTTP request, as the limits count it. The peer of the
 * connection, unless that peer is one of our proxies ({@code milie.limits.trusted-proxies}): then
 * the nearest address in {@code X-Forwarded-For} that is not one of them (each proxy appends the
 * address it saw, so anything further left may be forged by the client). IPv6 clients count by
 * their /64, which is what one subscriber gets.
 */
@ApplicationScoped
public class ClientAddress {

    static final String UNKNOWN = "unknown";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Cidr> trusted;
    private final Instance<CurrentVertxRequest> routing;

    @Inject
    ClientAddress(LimitsConfig config, Instance<CurrentVertxRequest> routing) {
        this(config.trustedProxies().orElse(List.of()), routing);
    }

    ClientAddress(List<String> trustedProxies, Instance<CurrentVertxRequest> routing) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.routing = routing;
    }

    /** The client of the HTTP request being served; {@code "unknown"} outside one (a job, a call in-process). */
    public String current() {
        return currentAddress().map(ClientAddress::keyOf).orElse(UNKNOWN);
    }

    /**
     * The client's own address (not its /64), by the same reading as {@link #current()}: what an
     * integration client's allowed blocks are checked against. Empty outside an HTTP request.
     */
    public Optional<InetAddress> currentAddress() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext context = routing.get().getCurrent();
        if (context == null) {
            return Optional.empty();
        }
        HttpServerRequest request = context.request();
        SocketAddress peer = request.remoteAddress();
        return Optional.ofNullable(address(peer == null ? null : peer.hostAddress(), request.headers().getAll("X-Forwarded-For")));
    }

    /** The client, given the connection's peer and the {@code X-Forwarded-For} headers, in order. */
    String of(String peer, List<String> forwardedFor) {
        InetAddress client = address(peer, forwardedFor);
        return client == null ? UNKNOWN : keyOf(client);
    }

    private InetAddress address(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = parse(peer);
        if (peerAddress == null) {
            return null;
        }
        InetAddress client = peerAddress;
        if (isTrusted(peerAddress) && forwardedFor != null) {
            List<String> hops = new ArrayList<>();
            forwardedFor.forEach(header -> {
                for (String hop : header.split(",")) {
                    hops.add(hop.trim());
                }
            });
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = parse(hops.get(i));
                if (hop == null) {
                    // Garbage where an address should be: the last proxy we trust saw a client that sent it.
                    break;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static String keyOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address.getHostAddress();
    }

    /**
     * An IP literal, never a name (no DNS lookup): IPv4 dotted quads, IPv6 with or without brackets,
     * a port after an IPv4 address or a bracketed IPv6 one; anything else is null.
     */
    static InetAddress parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.trim();
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                return null;
            }
            text = text.substring(1, end);
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':') && text.contains(".")) {
            text = text.substring(0, text.indexOf(':'));
        }
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return null;
                }
            }
        } else if (!text.contains(":") || !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            // A literal (checked above), so no lookup happens.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block: 10.0.0.0/8, 2001:db8::/32, or a single address. */
    public record Cidr(byte[] network, int bits) {

        /** The block, or IllegalArgumentException when the text is not one. */
        public static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = ClientAddress.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("milie.limits.trusted-proxies: not an address or CIDR block: " + text);
            }
            int max = address.getAddress().length * 8;
            int bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("milie.limits.trusted-proxies: bad prefix length: " + text);
            }
            return new Cidr(address.getAddress(), bits);
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
