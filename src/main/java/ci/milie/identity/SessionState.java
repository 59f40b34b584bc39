package ci.milie.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one instance knows, in memory, to decide whether an access token still speaks for a live
 * session: each staff account's security version and active flag, and the sessions (refresh-token
 * families) revoked recently. Updates only move forward (a higher security version, one more
 * revoked session), so a full reload racing with a notification never undoes the newer news.
 */
final class SessionState {

    /** What {@link #verdict} concludes from memory alone. */
    enum Verdict {
        VALID,
        REVOKED,
        /** Memory cannot tell (not loaded, account unknown, or the token is newer than what we know). */
        ASK_DATABASE
    }

    /** A staff account as far as revocation is concerned. */
    record Staff(long securityVersion, boolean active) {
    }

    /** The claims of a verified access token that revocation reads. */
    record TokenFacts(UUID subject, boolean staff, UUID session, Long securityVersion) {
    }

    private final Map<UUID, Staff> staff = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> revokedSessions = new ConcurrentHashMap<>();
    private final boolean allowTokensWithoutSession;
    private volatile boolean current;

    SessionState(boolean allowTokensWithoutSession) {
        this.allowTokensWithoutSession = allowTokensWithoutSession;
    }

    Verdict verdict(TokenFacts token) {
        if (token.session() == null) {
            // The application always writes "sid": only tests' hand-made tokens lack it.
            return allowTokensWithoutSession ? Verdict.VALID : Verdict.REVOKED;
        }
        if (token.staff() && (token.securityVersion() == null || token.subject() == null)) {
            return Verdict.REVOKED;
        }
        if (!current) {
            return Verdict.ASK_DATABASE;
        }
        if (revokedSessions.containsKey(token.session())) {
            return Verdict.REVOKED;
        }
        if (!token.staff()) {
            return Verdict.VALID;
        }
        Staff known = staff.get(token.subject());
        if (known == null || token.securityVersion() > known.securityVersion()) {
            return Verdict.ASK_DATABASE;
        }
        return judge(token, known);
    }

    /** The verdict once the database has been read: {@code account} null when there is no such account. */
    static Verdict verdict(TokenFacts token, boolean sessionRevoked, Staff account) {
        if (sessionRevoked) {
            return Verdict.REVOKED;
        }
        if (!token.staff()) {
            return Verdict.VALID;
        }
        if (account == null || token.securityVersion() == null || token.subject() == null) {
            return Verdict.REVOKED;
        }
        return judge(token, account);
    }

    private static Verdict judge(TokenFacts token, Staff account) {
        return account.active() && token.securityVersion() == account.securityVersion() ? Verdict.VALID
                : Verdict.REVOKED;
    }

    void staffChanged(UUID id, Staff now) {
        staff.merge(id, now, (known, news) -> news.securityVersion() >= known.securityVersion() ? news : known);
    }

    void sessionRevoked(UUID session, Instant at) {
        revokedSessions.merge(session, at, (known, news) -> news.isAfter(known) ? news : known);
    }

    /**
     * Folds a full read of the database in: the accounts as read (the newer version wins), and
     * the sessions revoked since {@code forgetBefore}; older revocations are forgotten, since no
     * access token issued before them is still alive.
     */
    void reloaded(Map<UUID, Staff> accounts, Map<UUID, Instant> sessions, Instant forgetBefore) {
        accounts.forEach(this::staffChanged);
        staff.keySet().retainAll(accounts.keySet());
        sessions.forEach(this::sessionRevoked);
        revokedSessions.values().removeIf(at -> at.isBefore(forgetBefore));
        current = true;
    }

    /** Notifications may be missed from now on: ask the database until the next full reload. */
    void outOfDate() {
        current = false;
    }

    boolean isCurrent() {
        return current;
    }

    Set<UUID> revokedSessions() {
        return Set.copyOf(revokedSessions.keySet());
    }
}
