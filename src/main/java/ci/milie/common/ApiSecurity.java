package ci.milie.common;

/**
 * The names of the contract's security schemes, for {@code @SecurityRequirement} on operations
 * that a citizen may call with either (see {@link ProblemResponsesFilter}, which declares them).
 */
public final class ApiSecurity {
    /** An access token (JWT) from sign-in, as {@code Authorization: Bearer …}. */
    public static final String BEARER = "bearer";
    /** A request's access key from its receipt, as the {@code X-Access-Key} header. */
    public static final String ACCESS_KEY = "accessKey";
    public static final String ACCESS_KEY_HEADER = "X-Access-Key";
    /** An SMS/USSD aggregator's configured name and shared secret, on its callbacks (package channel). */
    public static final String AGGREGATOR_NAME = "aggregatorName";
    public static final String AGGREGATOR_NAME_HEADER = "Milie-Aggregator";
    public static final String AGGREGATOR_SECRET = "aggregatorSecret";
    public static final String AGGREGATOR_SECRET_HEADER = "Milie-Aggregator-Secret";

    private ApiSecurity() {
    }
}
