package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailboxesTest {

    @Test
    void caseSubAddressesAndQuotesReachOneMailbox() {
        assertEquals("awa@mail.ci", Mailboxes.of("awa@mail.ci"));
        assertEquals("awa@mail.ci", Mailboxes.of(" AWA@Mail.CI "));
        assertEquals("awa@mail.ci", Mailboxes.of("awa+plainte-1@mail.ci"));
        assertEquals("awa@mail.ci", Mailboxes.of("\"awa\"@mail.ci"));
        assertEquals("awa@mail.ci", Mailboxes.of("\"awa+x\"@mail.ci"));
    }

    @Test
    void otherAddressesStayApart() {
        assertEquals("awa.k@mail.ci", Mailboxes.of("awa.k@mail.ci"));
        assertEquals("+awa@mail.ci", Mailboxes.of("+awa@mail.ci"));
        assertEquals("awa@autre.ci", Mailboxes.of("awa+1@autre.ci"));
    }
}
