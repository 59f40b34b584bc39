package ci.milie.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every value of every enum the reference data lists has a French and an English label. */
class ReferenceLabelsTest {

    private final Labels labels = Labels.load();

    @Test
    void everyValueOfEveryListedEnumHasBothLabels() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : ReferenceData.ENUMS.values()) {
            for (Enum<?> value : type.getEnumConstants()) {
                if (labels.fr(value) == null) {
                    missing.add("labels_fr: " + Labels.key(value));
                }
                if (labels.en(value) == null) {
                    missing.add("labels_en: " + Labels.key(value));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aListRefusesAValueWithoutLabels() {
        Labels none = Labels.load();
        enum Unlabelled { NOBODY_LABELLED_ME }
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ReferenceData.items(Unlabelled.class, none));
        assertTrue(refused.getMessage().contains("Unlabelled.NOBODY_LABELLED_ME"), refused.getMessage());
    }

    @Test
    void frenchAndEnglishLabelsDifferWhereTheWordsDo() {
        assertEquals("Réclamation", labels.fr(ci.milie.directory.RequestType.COMPLAINT));
        assertEquals("Complaint", labels.en(ci.milie.directory.RequestType.COMPLAINT));
    }
}
