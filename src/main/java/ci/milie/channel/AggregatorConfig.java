package ci.milie.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The SMS/USSD aggregators allowed to call Miliê's channel endpoints, by name:
 * {@code milie.channels.aggregators.<name>.secret} and, optionally,
 * {@code milie.channels.aggregators.<name>.allowed-addresses} (addresses or CIDR blocks). None
 * configured: the channel endpoints refuse every call.
 */
@ConfigMapping(prefix = "milie.channels")
public interface AggregatorConfig {

    Map<String, Aggregator> aggregators();

    /** The commands texted to the short code (SmsCommands). */
    Sms sms();

    interface Sms {

        /**
         * The category a complaint texted with RECLAMATION is filed in: a text names no category,
         * so it goes to the one meant for what is not classified yet, and OSEP sets the right one
         * when it qualifies the request. It must be active and accept complaints.
         */
        @WithDefault("AUTRE")
        String complaintCategory();

        /** How long the ids of messages received are kept to recognise an aggregator's repeat. */
        @WithDefault("P7D")
        Duration inboundIdsKept();
    }

    interface Aggregator {

        /** The shared secret the aggregator sends in {@code Milie-Aggregator-Secret}; blank or absent: refused. */
        Optional<String> secret();

        /** Where its calls may come from; absent: anywhere (the secret alone decides). */
        Optional<List<String>> allowedAddresses();
    }
}
