package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The application's database sessions are set up as application.properties says. */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    EntityManager em;

    @Test
    void queriesAreNeverJitCompiled() {
        assertEquals("off", em.createNativeQuery("show jit").getSingleResult());
    }
}
