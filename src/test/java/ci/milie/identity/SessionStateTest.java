package ci.milie.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ci.milie.identity.SessionState.Staff;
import ci.milie.identity.SessionState.TokenFacts;
import ci.milie.identity.SessionState.Verdict;

/** The rules an instance applies, from memory, to every access token. */
class SessionStateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final UUID account = UUID.randomUUID();
    private final UUID session = UUID.randomUUID();
    private final SessionState state = new SessionState(false);

    private TokenFacts staffToken(long securityVersion) {
        return new TokenFacts(account, true, session, securityVersion);
    }

    private void loaded(Staff staff) {
        state.reloaded(Map.of(account, staff), Map.of(), NOW.minusSeconds(1200));
    }

    @Test
    void beforeTheFirstLoadEveryTokenIsCheckedAgainstTheDatabase() {
        assertEquals(Verdict.ASK_DATABASE, state.verdict(staffToken(0)));
    }

    @Test
    void aTokenOfTheCurrentVersionOfAnActiveAccountIsValid() {
        loaded(new Staff(3, true));
        assertEquals(Verdict.VALID, state.verdict(staffToken(3)));
    }

    @Test
    void aTokenOfAnOlderVersionIsRevoked() {
        loaded(new Staff(3, true));
        assertEquals(Verdict.REVOKED, state.verdict(staffToken(2)));
    }

    @Test
    void aTokenOfAnInactiveAccountIsRevoked() {
        loaded(new Staff(3, false));
        assertEquals(Verdict.REVOKED, state.verdict(staffToken(3)));
    }

    @Test
    void aTokenNewerThanWhatThisInstanceKnowsIsCheckedAgainstTheDatabase() {
        loaded(new Staff(3, true));
        assertEquals(Verdict.ASK_DATABASE, state.verdict(staffToken(4)));
    }

    @Test
    void anUnknownAccountIsCheckedAgainstTheDatabaseAndRefusedIfItIsNotThere() {
        state.reloaded(Map.of(), Map.of(), NOW);
        assertEquals(Verdict.ASK_DATABASE, state.verdict(staffToken(0)));
        assertEquals(Verdict.REVOKED, SessionState.verdict(staffToken(0), false, null));
    }

    @Test
    void aRevokedSessionIsRevokedForStaffAndCitizens() {
        loaded(new Staff(3, true));
        state.sessionRevoked(session, NOW);
        assertEquals(Verdict.REVOKED, state.verdict(staffToken(3)));
        assertEquals(Verdict.REVOKED, state.verdict(new TokenFacts(UUID.randomUUID(), false, session, null)));
    }

    @Test
    void aCitizenTokenOfALiveSessionIsValid() {
        state.reloaded(Map.of(), Map.of(), NOW);
        assertEquals(Verdict.VALID, state.verdict(new TokenFacts(UUID.randomUUID(), false, session, null)));
    }

    @Test
    void aTokenWithoutSessionIsRevokedUnlessAllowedForTests() {
        TokenFacts withoutSession = new TokenFacts(account, true, null, null);
        state.reloaded(Map.of(), Map.of(), NOW);
        assertEquals(Verdict.REVOKED, state.verdict(withoutSession));
        assertEquals(Verdict.VALID, new SessionState(true).verdict(withoutSession));
    }

    @Test
    void aStaffTokenWithoutSecurityVersionIsRevoked() {
        loaded(new Staff(0, true));
        assertEquals(Verdict.REVOKED, state.verdict(new TokenFacts(account, true, session, null)));
    }

    @Test
    void aReloadReadBeforeANewerChangeDoesNotUndoIt() {
        loaded(new Staff(3, true));
        state.staffChanged(account, new Staff(4, false));

        state.reloaded(Map.of(account, new Staff(3, true)), Map.of(), NOW);

        assertEquals(Verdict.REVOKED, state.verdict(staffToken(3)));
        assertEquals(Verdict.REVOKED, state.verdict(staffToken(4)));
    }

    @Test
    void revokedSessionsAreForgottenOnceNoTokenOfThemCanBeAlive() {
        loaded(new Staff(3, true));
        state.sessionRevoked(session, NOW.minusSeconds(3600));

        state.reloaded(Map.of(account, new Staff(3, true)), Map.of(), NOW.minusSeconds(1200));

        assertEquals(Verdict.VALID, state.verdict(staffToken(3)));
    }

    @Test
    void afterLosingTheNoticesEveryTokenIsCheckedAgainstTheDatabaseUntilTheNextLoad() {
        loaded(new Staff(3, true));
        state.outOfDate();
        assertEquals(Verdict.ASK_DATABASE, state.verdict(staffToken(3)));
        loaded(new Staff(3, true));
        assertEquals(Verdict.VALID, state.verdict(staffToken(3)));
    }
}
