package ci.milie.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ProblemException;

/**
 * The guard against server-side request forgery: a webhook may only reach a public address. A
 * target whose host resolves to a private, loopback, link-local, unique-local, shared (CGNAT),
 * multicast, reserved or unspecified address, in IPv4 or IPv6 (IPv4-mapped, -compatible and NAT64
 * forms judged by the IPv4 address they carry), is refused at registration and again at each
 * connection, where the sender then connects to the very address checked: a name that resolved
 * to a public address at registration and to an internal one later (DNS rebinding) reaches
 * nothing. {@code milie.integrations.webhooks.allowed-targets} exempts hosts as written in the URL
 * (a name, or an IP literal within a CIDR block) and lets them use plain http: empty in
 * production, the local receiver in tests.
 */
@ApplicationScoped
class WebhookTargets {

    /** A target that passed the guard: the URL and the address to connect to. */
    record Target(URI uri, InetAddress address, int port) {
    }

    private final List<String> allowedHosts;
    private final List<byte[][]> allowedBlocks;

    WebhookTargets(WebhookConfig config) {
        List<String> allowed = config.allowedTargets().orElse(List.of()).stream().map(String::strip)
                .filter(entry -> !entry.isEmpty()).toList();
        this.allowedHosts = allowed.stream().filter(entry -> !entry.contains("/"))
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
        this.allowedBlocks = allowed.stream().filter(entry -> entry.contains("/")).map(WebhookTargets::block).toList();
    }

    /** The URL as registered, or 400 WEBHOOK_TARGET_REFUSED. */
    URI checkRegistration(String url) {
        URI uri = parse(url).orElseThrow(() -> refused("WEBHOOK_TARGET_REFUSED.url"));
        resolve(uri);
        return uri;
    }

    /** Resolves the URL's host now and checks every address; throws when one is refused. */
    Target resolve(URI uri) {
        String host = host(uri);
        boolean allowed = allowed(host);
        if (!"https".equals(uri.getScheme()) && !allowed) {
            throw refused("WEBHOOK_TARGET_REFUSED.https");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw refused("WEBHOOK_TARGET_REFUSED.unknown-host");
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw refused("WEBHOOK_TARGET_REFUSED.address");
                }
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Target(uri, addresses[0], port);
    }

    static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private boolean allowed(String host) {
        if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (!literal(host)) {
            return false;
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            return allowedBlocks.stream().anyMatch(block -> within(address, block));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean literal(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** Whether an address is on the public internet (the guard's one rule). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedV4(b);
            if (embedded != null) {
                return isPublicV4(embedded);
            }
            int first = b[0] & 0xff;
            // fc00::/7 unique-local, fe80::/10 link-local, ff00::/8 multicast, 2001:db8::/32 documentation
            if ((first & 0xfe) == 0xfc || first == 0xfe || first == 0xff) {
                return false;
            }
            return !(first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8);
        }
        return false;
    }

    /** The IPv4 address an IPv6 one carries: ::ffff:a.b.c.d, ::a.b.c.d and 64:ff9b::a.b.c.d. */
    private static byte[] embeddedV4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        return mapped || compatible || nat64 ? Arrays.copyOfRange(b, 12, 16) : null;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && second >= 64 && second < 128)
                || (a == 169 && second == 254)
                || (a == 172 && second >= 16 && second < 32)
                || (a == 192 && second == 168)
                || (a == 192 && second == 0 && (b[2] & 0xff) == 0)
                || (a == 198 && (second == 18 || second == 19)));
    }

    private static byte[][] block(String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            return new byte[][] { network, { (byte) bits } };
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalStateException("milie.integrations.webhooks.allowed-targets: not a CIDR block: " + cidr);
        }
    }

    private static boolean within(byte[] address, byte[][] block) {
        byte[] network = block[0];
        int bits = block[1][0] & 0xff;
        if (network.length != address.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String detailKey) {
        return new ProblemException(400, "WEBHOOK_TARGET_REFUSED", detailKey);
    }
}
