package ci.milie.common;

/**
 * The names of the contract's two security schemes, for {@code @SecurityRequirement} on operations
 * that a citizen may call with either (see {@link ProblemResponsesFilter}, which declares them).
 */
public final class ApiSecurity {
    /** An access token (JWT) from sign-in, as {@code Authorization: Bearer …}. */
    public static final String BEARER = "bearer";
    /** A request's access key from its receipt, as the {@code X-Access-Key} header. */
    public static final String ACCESS_KEY = "accessKey";
    public static final String ACCESS_KEY_HEADER = "X-Access-Key";

    private ApiSecurity() {
    }
}
