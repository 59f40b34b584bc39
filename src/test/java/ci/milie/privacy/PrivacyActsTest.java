package ci.milie.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PrivacyActsTest {

    @Inject
    PrivacyActs acts;
    @Inject
    EntityManager em;

    @Test
    void anActThroughTheAccountDoorIsRecordedWithItsRequestsAndNoStaff() {
        UUID citizen = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> acts.record(PrivacyActs.Act.EXPORT, PrivacyActs.Via.ACCOUNT, null, null,
                citizen, List.of(first, second)));

        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select act, requested_via, staff_id, identity_check, request_ids from privacy_act where citizen_id = ?1")
                .setParameter(1, citizen).getSingleResult());
        assertEquals("EXPORT", row[0]);
        assertEquals("ACCOUNT", row[1]);
        assertNull(row[2]);
        assertNull(row[3]);
        assertArrayEquals(new UUID[] {first, second}, (UUID[]) row[4]);
    }
}
