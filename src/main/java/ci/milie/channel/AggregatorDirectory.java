package ci.milie.channel;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import ci.milie.common.ClientAddress;
import ci.milie.common.Secrets;

/** The aggregators configured with a secret ({@link AggregatorConfig}), each with its secret's hash and its allowed addresses. */
@ApplicationScoped
public class AggregatorDirectory {

    record Registered(byte[] secretHash, List<ClientAddress.Cidr> allowed) {

        boolean allows(Optional<InetAddress> address) {
            return allowed.isEmpty() || address.map(a -> allowed.stream().anyMatch(c -> c.contains(a))).orElse(false);
        }
    }

    private final Map<String, Registered> aggregators = new HashMap<>();

    AggregatorDirectory(AggregatorConfig config) {
        config.aggregators().forEach((name, aggregator) -> aggregator.secret().filter(s -> !s.isBlank())
                .ifPresent(secret -> aggregators.put(name, new Registered(hash(secret),
                        aggregator.allowedAddresses().orElse(List.of()).stream().map(String::strip)
                                .filter(s -> !s.isEmpty()).map(ClientAddress.Cidr::parse).toList()))));
    }

    boolean isEmpty() {
        return aggregators.isEmpty();
    }

    Registered named(String name) {
        return aggregators.get(name);
    }

    /** Hashes have one length: comparing them takes the same time whatever a secret's length. */
    static byte[] hash(String value) {
        return Secrets.sha256(value).getBytes(StandardCharsets.US_ASCII);
    }
}
