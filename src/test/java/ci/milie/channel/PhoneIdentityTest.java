package ci.milie.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PhoneIdentityTest {

    @Test
    void anOperatorsMsisdnIsReadInEveryFormAggregatorsSendIt() {
        assertEquals(Optional.of("+2250701020304"), PhoneIdentity.normalise("2250701020304"));
        assertEquals(Optional.of("+2250701020304"), PhoneIdentity.normalise("+2250701020304"));
        assertEquals(Optional.of("+2250701020304"), PhoneIdentity.normalise("0701020304"));
        assertEquals(Optional.of("+2250701020304"), PhoneIdentity.normalise(" +225 07 01 02 03 04 "));
        assertEquals(Optional.of("+33612345678"), PhoneIdentity.normalise("33612345678"));
    }

    @Test
    void whatIsNoPhoneNumberIsRefused() {
        assertEquals(Optional.empty(), PhoneIdentity.normalise("225070102030"), "an Ivorian number of 9 digits");
        assertEquals(Optional.empty(), PhoneIdentity.normalise("not a number"));
        assertEquals(Optional.empty(), PhoneIdentity.normalise(null));
    }

    @Test
    void aTrackingCodeIsReadAsAKeypadTypesIt() {
        assertEquals("MIL-7KQ2-9XD3", UssdMenu.trackingCode("7KQ29XD3"));
        assertEquals("MIL-7KQ2-9XD3", UssdMenu.trackingCode("mil 7kq2 9xd3"));
        assertEquals("MIL-7KQ2-9XD3", UssdMenu.trackingCode("MIL-7KQ2-9XD3"));
        assertEquals("1234", UssdMenu.trackingCode("1234"), "too short to be one: left as typed, and not found");
    }

    @Test
    void theSubjectIsTheDescriptionsFirstWords() {
        assertEquals("Pas d'eau depuis 3 jours", UssdMenu.subject("  Pas d'eau   depuis 3 jours "));
        String subject = UssdMenu.subject("Le centre de santé de Koumassi est fermé depuis lundi et personne ne "
                + "répond au téléphone");
        assertEquals("Le centre de santé de Koumassi est fermé depuis lundi et...", subject);
    }
}
