package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class IdempotencyCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final IdempotencyCipher cipher = new IdempotencyCipher(Optional.of(KEY));

    @Test
    void aSealedKeyOpensForItsOwnRecordOnly() {
        String sealed = cipher.seal("Q2hhbmdlTWUtS2V5", "retry-1");

        assertFalse(sealed.contains("Q2hhbmdlTWUtS2V5"));
        assertEquals(Optional.of("Q2hhbmdlTWUtS2V5"), cipher.open(sealed, "retry-1"));
        assertEquals(Optional.empty(), cipher.open(sealed, "retry-2"), "bound to its Idempotency-Key");
    }

    @Test
    void anotherConfiguredKeyCannotOpenIt() {
        String sealed = cipher.seal("secret", "retry-1");
        byte[] other = new byte[32];
        other[0] = 1;
        IdempotencyCipher rotated = new IdempotencyCipher(Optional.of(Base64.getEncoder().encodeToString(other)));

        assertEquals(Optional.empty(), rotated.open(sealed, "retry-1"));
    }

    @Test
    void aRecordFromBeforeEncryptionHasNoKeyToOpen() {
        assertEquals(Optional.empty(), cipher.open(null, "retry-1"));
        assertEquals(Optional.empty(), cipher.open("plain-key", "retry-1"));
    }

    @Test
    void productionNeedsAConfiguredKeyOfThirtyTwoBytes() {
        assertThrows(IllegalStateException.class, () -> new IdempotencyCipher(Optional.empty(), LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class, () -> new IdempotencyCipher(Optional.of("c2hvcnQ="), LaunchMode.NORMAL));
        IdempotencyCipher generated = new IdempotencyCipher(Optional.empty(), LaunchMode.TEST);
        assertEquals(Optional.of("secret"), generated.open(generated.seal("secret", "retry-1"), "retry-1"));
    }
}
