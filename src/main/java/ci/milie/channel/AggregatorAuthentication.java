package ci.milie.channel;

import java.security.MessageDigest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import ci.milie.common.ApiSecurity;
import ci.milie.common.ClientAddress;
import ci.milie.common.ProblemException;
import ci.milie.common.Secrets;

/**
 * Authenticates the calls of {@link AggregatorCallback} endpoints: the aggregator names itself in
 * {@value #NAME_HEADER} and sends its shared secret in {@value #SECRET_HEADER}; a missing, unknown
 * or wrong pair is 401, a call from outside its allowed addresses 403. Closed by default: with no
 * aggregator configured, every call is 403.
 */
@Provider
@AggregatorCallback
@Priority(Priorities.AUTHENTICATION)
public class AggregatorAuthentication implements ContainerRequestFilter {

    public static final String NAME_HEADER = ApiSecurity.AGGREGATOR_NAME_HEADER;
    public static final String SECRET_HEADER = ApiSecurity.AGGREGATOR_SECRET_HEADER;
    /** The request property holding the authenticated aggregator's name. */
    public static final String AGGREGATOR = "milie.aggregator";

    // Compared with when the name is unknown, so that the answer takes as long as for a known one.
    private static final byte[] NOBODY = AggregatorDirectory.hash(Secrets.random(32));

    private final AggregatorDirectory aggregators;
    private final ClientAddress addresses;

    // The directory is a proxy: providers are made before the runtime configuration is read.
    AggregatorAuthentication(AggregatorDirectory aggregators, ClientAddress addresses) {
        this.aggregators = aggregators;
        this.addresses = addresses;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (aggregators.isEmpty()) {
            throw ProblemException.forbidden("FORBIDDEN.channels-closed");
        }
        String name = request.getHeaderString(NAME_HEADER);
        String secret = request.getHeaderString(SECRET_HEADER);
        AggregatorDirectory.Registered aggregator = name == null ? null : aggregators.named(name);
        // Hashes have one length: the comparison takes the same time whatever the secret's length.
        boolean matches = MessageDigest.isEqual(AggregatorDirectory.hash(secret == null ? "" : secret),
                aggregator == null ? NOBODY : aggregator.secretHash());
        if (aggregator == null || secret == null || !matches) {
            throw ProblemException.unauthorized("UNAUTHENTICATED", "UNAUTHENTICATED.aggregator");
        }
        if (!aggregator.allows(addresses.currentAddress())) {
            throw ProblemException.forbidden("FORBIDDEN.aggregator-address");
        }
        request.setProperty(AGGREGATOR, name);
    }
}
