package ci.milie.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Ends sessions for real: an access token is refused once its session (refresh-token family) is
 * revoked, or, for staff, once the account's security version moved on or it is inactive.
 *
 * <p>Each instance decides from memory ({@link SessionState}). A change is written, and announced
 * with {@code NOTIFY} on {@value #CHANNEL} in the same transaction; the instance that made it
 * updates its memory once the transaction commits, the others when {@link RevocationListener}
 * hears the notification. Payloads: {@code staff:<account id>} (re-read that account, or that
 * integration client: {@link #clientChanged}) and
 * {@code session:<family id>} (that session is revoked).
 */
@ApplicationScoped
public class Revocations {

    static final String CHANNEL = "milie_revocation";
    /** Kept beyond the access-token lifetime, for clock skew between instances. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    private final SessionState state;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final AuthConfig auth;
    private final Clock clock;

    Revocations(RevocationConfig config, EntityManager em, TransactionSynchronizationRegistry transactions,
            DataSource dataSource, AuthConfig auth, Clock clock) {
        this.state = new SessionState(config.allowTokensWithoutSession());
        this.em = em;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.auth = auth;
        this.clock = clock;
    }

    /** After a change that may end the account's sessions (or a new account): tell every instance. */
    @Transactional(Transactional.TxType.MANDATORY)
    void staffChanged(StaffAccount account) {
        UUID id = account.id();
        SessionState.Staff now = new SessionState.Staff(account.securityVersion(), account.active());
        announce("staff:" + id, () -> state.staffChanged(id, now));
    }

    /**
     * After a change of an integration client that may end its tokens (deactivated, narrower
     * grant) or a new client: its tokens are judged like a staff member's, by security version
     * and active flag, with the same bound.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clientChanged(UUID client, long securityVersion, boolean active) {
        SessionState.Staff now = new SessionState.Staff(securityVersion, active);
        announce("staff:" + client, () -> state.staffChanged(client, now));
    }

    /** The session (a sign-in and all its refreshes) ends: its access tokens are refused. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sessionRevoked(UUID session) {
        announce("session:" + session, () -> state.sessionRevoked(session, clock.instant()));
    }

    private void announce(String payload, Runnable afterCommit) {
        em.unwrap(Session.class).doWork(connection -> RevocationQueries.notify(connection, payload));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    afterCommit.run();
                }
            }
        });
    }

    /**
     * The session a token belongs to, kept by what outlives a request (a live stream, a stream
     * ticket) to ask later whether it has ended.
     */
    public record SessionOf(UUID subject, boolean staff, UUID session, Long securityVersion) {

        public static SessionOf token(org.eclipse.microprofile.jwt.JsonWebToken token) {
            SessionState.TokenFacts facts = RevocationAugmentor.facts(token);
            return new SessionOf(facts.subject(), facts.staff(), facts.session(), facts.securityVersion());
        }
    }

    /**
     * Whether that session still lives: the same verdict as for a token on each request (revoked,
     * account deactivated or changed). From memory; blocking when memory cannot tell.
     */
    public boolean stillLive(SessionOf session) {
        SessionState.TokenFacts facts = new SessionState.TokenFacts(session.subject(), session.staff(), session.session(),
                session.securityVersion());
        SessionState.Verdict verdict = state.verdict(facts);
        if (verdict == SessionState.Verdict.ASK_DATABASE) {
            verdict = verdictFromDatabase(facts);
        }
        return verdict == SessionState.Verdict.VALID;
    }

    /** The hot path: memory only. */
    SessionState.Verdict verdict(SessionState.TokenFacts token) {
        return state.verdict(token);
    }

    /**
     * The rare path, when memory cannot tell (before the first load, while the listener is
     * reconnecting, an account this instance has not heard of yet): read the database. Blocking.
     */
    SessionState.Verdict verdictFromDatabase(SessionState.TokenFacts token) {
        try (Connection connection = dataSource.getConnection()) {
            boolean revoked = RevocationQueries.sessionRevoked(connection, token.session());
            SessionState.Staff account = null;
            if (token.staff()) {
                account = RevocationQueries.staff(connection, token.subject()).orElse(null);
                if (account != null) {
                    state.staffChanged(token.subject(), account);
                }
            }
            return SessionState.verdict(token, revoked, account);
        } catch (SQLException e) {
            throw new IllegalStateException("Revocation state could not be read", e);
        }
    }

    /** A notification from any instance, this one included. */
    void onNotification(String payload, Connection connection) throws SQLException {
        int colon = payload.indexOf(':');
        UUID id = colon < 0 ? null : parse(payload.substring(colon + 1));
        String kind = colon < 0 ? "" : payload.substring(0, colon);
        if (id != null && kind.equals("staff")) {
            RevocationQueries.staff(connection, id).ifPresent(account -> state.staffChanged(id, account));
        } else if (id != null && kind.equals("session")) {
            state.sessionRevoked(id, clock.instant());
        } else {
            LOG.warnf("Unknown revocation notice ignored; reloading everything");
            reload(connection);
        }
    }

    /** Reads everything anew: at start, after a reconnection (notices may have been missed), periodically. */
    void reload(Connection connection) throws SQLException {
        Instant forgetBefore = clock.instant().minus(auth.accessTokenTtl()).minus(MARGIN);
        state.reloaded(RevocationQueries.allStaff(connection),
                RevocationQueries.sessionsRevokedSince(connection, forgetBefore), forgetBefore);
    }

    /** The listener lost its connection: until it is back and has reloaded, ask the database. */
    void outOfDate() {
        state.outOfDate();
    }

    boolean isCurrent() {
        return state.isCurrent();
    }

    private static UUID parse(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
