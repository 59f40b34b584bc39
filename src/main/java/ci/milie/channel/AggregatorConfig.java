package ci.milie.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The SMS/USSD aggregators allowed to call Miliê's channel endpoints, by name:
 * {@code milie.channels.aggregators.<name>.secret} and, optionally,
 * {@code milie.channels.aggregators.<name>.allowed-addresses} (addresses or CIDR blocks). None
 * configured: the channel endpoints refuse every call.
 */
@ConfigMapping(prefix = "milie.channels")
public interface AggregatorConfig {

    Map<String, Aggregator> aggregators();

    interface Aggregator {

        /** The shared secret the aggregator sends in {@code Milie-Aggregator-Secret}; blank or absent: refused. */
        Optional<String> secret();

        /** Where its calls may come from; absent: anywhere (the secret alone decides). */
        Optional<List<String>> allowedAddresses();
    }
}
