package ci.milie.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marker is "[effacé]" ({@link PersonalData#MARKER}). */
class RedactionTest {

    private static final Redaction AWA = Redaction.of(List.of("Awa Traoré"), List.of("awa.traore@example.ci"),
            List.of("+2250701020304"));
    private static final String M = PersonalData.MARKER;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Appelé Awa Traoré ce matin|Appelé [effacé] ce matin",
            "Appelé AWA TRAORÉ ce matin|Appelé [effacé] ce matin",
            "Appelé awa   traoré ce matin|Appelé [effacé] ce matin",
            "Écrire à Awa.Traore@Example.ci.|Écrire à [effacé].",
            "Tél. +2250701020304|Tél. [effacé]",
            "Tél. 0701020304|Tél. [effacé]",
            "Tél. 07 01 02 03 04 ou 07.01.02.03.04|Tél. [effacé] ou [effacé]",
            "Tél. +225 07 01 02 03 04|Tél. [effacé]",
            "Tél. 00225 0701020304|Tél. [effacé]",
    })
    void everyWrittenFormOfAnIdentifierIsReplaced(String text, String expected) {
        assertEquals(expected, AWA.apply(text));
    }

    @Test
    void otherNumbersAndNamesStay() {
        assertEquals("Dossier 20701020304 et 070102030 ; Awa Koné", AWA.apply("Dossier 20701020304 et 070102030 ; Awa Koné"));
    }

    @Test
    void aNameTooShortToTellFromOtherWordsIsLeft() {
        assertEquals("Yé a dit oui", Redaction.of(List.of("Yé"), List.of(), List.of()).apply("Yé a dit oui"));
    }

    @Test
    void aSubjectWithoutIdentifiersChangesNothing() {
        Redaction none = Redaction.of(List.of(), List.of(), List.of());
        assertEquals("Appelé Awa Traoré", none.apply("Appelé Awa Traoré"));
        assertNull(AWA.apply(null));
        assertEquals(M, AWA.apply(M));
    }
}
