package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "'07 01 02 03 04', +2250701020304",
            "0701020304, +2250701020304",
            "+225 07 01 02 03 04, +2250701020304",
            "00225-0701020304, +2250701020304",
            "(+225) 27.22.44.55.66, +2252722445566",
            "+33 6 12 34 56 78, +33612345678" })
    void normalisesToE164(String raw, String expected) {
        assertEquals(Optional.of(expected), PhoneNumbers.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "12345", "+225 0701", "+2250701020304 5", "07010203040", "abc", "+0123456789" })
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertEquals(Optional.empty(), PhoneNumbers.normalise(raw));
    }

    @org.junit.jupiter.api.Test
    void masksAllButTheCountryAndTheLastDigits() {
        assertEquals("+225******0304", PhoneNumbers.mask("+2250701020304"));
    }
}
