package ci.milie.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ci.milie.common.Messages;

/** Miliê's own timeline texts: stored as keys, read in French or English; people's texts untouched. */
class EventTextsTest {

    @Test
    void everyKeyHasItsTextInBothLanguagesAndTheyShareTheirKeys() {
        assertEquals(Messages.TEXTS.keys("fr"), Messages.TEXTS.keys("en"));
        for (String key : EventTexts.KEYS.keySet()) {
            assertTrue(Messages.TEXTS.has(key), key);
        }
    }

    @Test
    void everyEventTypeHasALabelInBothLanguages() {
        for (EventType type : EventType.values()) {
            for (String language : new String[] { "fr", "en" }) {
                String label = EventTexts.label(type, language);
                assertFalse(label.startsWith("EventType."), language + " " + type);
            }
        }
        assertEquals("Closed", EventTexts.label(EventType.CLOSED, "en"));
    }

    @Test
    void aStoredKeyIsReadInTheReadersLanguageWithItsValues() {
        String overdue = EventTexts.stored(EventTexts.OVERDUE, "ANSWER");
        assertEquals("event.overdue|ANSWER", overdue);
        assertEquals("Deadline missed: ANSWER", EventTexts.render(EventType.DEADLINE_MISSED, overdue, "en"));
        assertEquals("Échéance dépassée : ANSWER", EventTexts.render(EventType.DEADLINE_MISSED, overdue, "fr"));
        String rating = EventTexts.stored(EventTexts.FEEDBACK, 2, 0);
        assertEquals("2/5, not satisfied", EventTexts.render(EventType.FEEDBACK_GIVEN, rating, "en"));
        assertEquals("Accepted; type COMPLAINT → SUGGESTION; category corrected", EventTexts.render(EventType.QUALIFIED,
                EventTexts.qualified("COMPLAINT", "SUGGESTION", true), "en"));
    }

    @Test
    void textsStoredInFrenchBeforeTheKeysAreReadInEnglishToo() {
        assertEquals("The citizen is satisfied with the answer",
                EventTexts.render(EventType.CLOSED, "Le citoyen est satisfait de la réponse", "en"));
        assertEquals("Closed automatically at the end of the dispute window",
                EventTexts.render(EventType.CLOSED, "Clôturée automatiquement à la fin du délai de contestation", "en"));
        assertEquals("3/5, not satisfied", EventTexts.render(EventType.FEEDBACK_GIVEN, "3/5, non satisfait", "en"));
        assertEquals("Escalated to OSEP’s supervisors: TRIAGE",
                EventTexts.render(EventType.DEADLINE_MISSED, "Escalade aux superviseurs de l'OSEP : TRIAGE", "en"));
        assertEquals("Acceptée ; type COMPLAINT → OBSERVATION",
                EventTexts.render(EventType.QUALIFIED, "Accepted; type COMPLAINT → OBSERVATION", "fr"));
    }

    @Test
    void whatAPersonWroteStaysAsWrittenEvenWhenItLooksLikeAKeyOnAnotherEvent() {
        assertEquals("Merci pour votre patience", EventTexts.render(EventType.CLOSED, "Merci pour votre patience", "en"));
        assertEquals("event.overdue|ANSWER", EventTexts.render(EventType.NOTE_ADDED, "event.overdue|ANSWER", "en"));
        assertEquals(null, EventTexts.render(EventType.CLOSED, null, "en"));
    }
}
