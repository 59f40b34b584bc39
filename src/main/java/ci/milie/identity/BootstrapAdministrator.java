package ci.milie.identity;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * A fresh installation has no staff account, so nobody could sign in to create one: the first
 * sysadmin comes from configuration. Several instances may start together; an advisory lock
 * makes sure only one of them creates it.
 */
@ApplicationScoped
class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class);
    private static final long LOCK_KEY = 0x4d494c4945L; // "MILIE"

    private final StaffAccountRepository accounts;
    private final PasswordHasher hasher;
    private final EntityManager em;
    private final Clock clock;
    private final Optional<String> email;
    private final Optional<String> password;

    BootstrapAdministrator(StaffAccountRepository accounts, PasswordHasher hasher, EntityManager em, Clock clock,
            @ConfigProperty(name = "milie.bootstrap.admin-email") Optional<String> email,
            @ConfigProperty(name = "milie.bootstrap.admin-password") Optional<String> password) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.em = em;
        this.clock = clock;
        this.email = email.filter(e -> !e.isBlank());
        this.password = password.filter(p -> !p.isBlank());
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        if (accounts.count() > 0) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.warn("No staff account exists and MILIE_BOOTSTRAP_ADMIN_EMAIL / MILIE_BOOTSTRAP_ADMIN_PASSWORD are not set: nobody can sign in");
            return;
        }
        if (password.get().length() < 12) {
            throw new IllegalStateException("MILIE_BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters");
        }
        accounts.persist(new StaffAccount(StaffService.normalise(email.get()), "Administrateur Miliê",
                StaffRole.SYSADMIN, null, hasher.hash(password.get()), clock.instant()));
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
            LOG.infof("Dev mode: sign in as %s with password %s (POST /api/v1/auth/login, or Swagger UI at /q/swagger-ui)",
                    email.get(), password.get());
        } else {
            LOG.info("Bootstrap sysadmin account created from MILIE_BOOTSTRAP_ADMIN_EMAIL");
        }
    }
}
