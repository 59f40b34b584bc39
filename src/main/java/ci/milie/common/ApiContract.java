package ci.milie.common;

/**
 * The contract's own description: the product and the conventions every operation follows, for
 * client developers (used by the {@code @OpenAPIDefinition} of package {@code ci.milie}).
 */
public final class ApiContract {

    /**
     * An operation extension: the operation writes its own 4xx bodies in another standard format
     * (its value names it), which {@link ProblemResponsesFilter} leaves as documented.
     */
    public static final String OWN_ERRORS = "x-own-errors";

    public static final String DESCRIPTION = """
            Miliê is Côte d'Ivoire's national platform where citizens post complaints, suggestions and \
            observations about public services. OSEP (Observatoire du service public) triages each request and \
            routes it to the administration concerned, which answers; the citizen follows every step and rates \
            the answer. Clients: the Milie.ci mobile app, partner web front-ends, OSEP's systems.

            **Authentication.** Staff sign in with e-mail and password (`signIn`), citizens with a one-time code \
            (`sendSignInCode`, then `signInWithCode`); both get a short-lived access token, sent as \
            `Authorization: Bearer …`, and a refresh token (`refreshTokens`). A request submitted without an \
            account comes with an access key: `X-Access-Key` opens that request, and only it, to its holder. \
            Integration clients (the systems of OSEP and the administrations) get theirs with the OAuth 2.0 \
            client-credentials grant (`issueClientToken`), whose refusals are RFC 6749's JSON, not problem+json.

            **Errors** are `application/problem+json` (RFC 9457) with a stable `code` (named in each \
            operation's responses); a 400 `VALIDATION_FAILED` lists `violations`, each naming its field. A 429 \
            (abuse limit) and a 503 carry `Retry-After` in seconds.

            **Lists** are pages `{"items": […], "nextCursor": …}`: pass `nextCursor` back as `cursor` for the \
            next page; it is null on the last one.

            **Dates and times** are ISO-8601, in UTC (Abidjan time). A `to` filter given as a date includes that \
            whole day; given as an instant, it is exclusive.

            **Changes**: send `If-Match` with the `ETag` of your last read of a request, or the `version` of a \
            directory or SLA object, to be told (409 `CONCURRENT_MODIFICATION`) when someone else changed it \
            meanwhile. Send an `Idempotency-Key` with a submission to retry it safely.

            **Links in messages**: receipts (`trackingUrl`), e-mails and SMS to citizens point at the front-end \
            (its base is configured apart from this API's address), not at this API: \
            `{front-end}/suivi/{trackingCode}#cle={accessKey}` (the tracking page, which sends the key as \
            `X-Access-Key`; the key rides in the fragment because browsers never send a fragment to a server, so \
            it stays out of logs and `Referer` headers; only the receipt's link carries it) and \
            `{front-end}/suivi/{trackingCode}/avis` (rating the answer). A front-end serving citizens must serve \
            these two routes.
            """;

    private ApiContract() {
    }
}
