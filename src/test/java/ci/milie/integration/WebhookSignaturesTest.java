package ci.milie.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The signature against values computed outside Java, with the openssl command of
 * docs/INTEGRATIONS.md: {@code { printf '%s.' "$T"; cat body.json; } | openssl dgst -sha256 -hmac "$SECRET" -hex}.
 */
class WebhookSignaturesTest {

    private static final String BODY = "{\"id\":\"e2c1b0a9-8f7e-4d6c-b5a4-3f2e1d0c9b8a\",\"type\":\"ROUTED\","
            + "\"occurredAt\":\"2026-11-29T09:12:00Z\",\"sequence\":4182,\"data\":{\"requestId\":"
            + "\"7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"trackingCode\":\"MIL-7K3Q-9XWD\"}}";
    private static final String SECRET = "whsec_3q2-7wVh1mQ0s9cXbS6k2f4HhYg0pL8nR5tU1vW3xYz";

    @Test
    void theSignatureIsWhatOpensslComputes() {
        assertEquals("t=1795990000,v1=e2ba8dcaf506c473fc01b466127d02796434eefc18988513c01c631ef4fa66d9",
                WebhookSignatures.header(1795990000L, BODY, List.of(SECRET)));
    }

    @Test
    void duringARotationTheNewSecretSignsFirstAndThePreviousOneSecond() {
        assertEquals("t=1795990000,v1=e2ba8dcaf506c473fc01b466127d02796434eefc18988513c01c631ef4fa66d9"
                + ",v1=70fcf03aee2cfa04c0ab7b6baf9b62e2c39dbefdd84a477cc871a17f4d6cd1b5",
                WebhookSignatures.header(1795990000L, BODY, List.of(SECRET, "whsec_previous-secret")));
    }
}
