package ci.milie.common;

import static ci.milie.support.Api.anonymous;
import static ci.milie.support.Api.asSysadmin;
import static ci.milie.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Problems speak the caller's language (French unless English is preferred); their code never changes. */
@QuarkusTest
class ProblemLanguageTest {

    private static RequestSpecification accepting(String languages) {
        RequestSpecification spec = anonymous();
        return languages.isEmpty() ? spec : spec.header("Accept-Language", languages);
    }

    private static ValidatableResponse invalidSignIn(String languages) {
        return assertProblem(accepting(languages).body(Map.of("email", "x")).post("/api/v1/auth/login").then(), 400,
                "VALIDATION_FAILED")
                .header("Vary", containsString("Accept-Language"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                    | fr",
            "fr                    | fr",
            "en                    | en",
            "en-GB                 | en",
            "de                    | fr",
            "'fr;q=0.3, en;q=0.8'  | en",
            "'de-DE, en;q=0.5, fr;q=0.4' | en",
            "'en;q=0, fr;q=0.5'    | fr",
            "'*'                   | fr" })
    void theLanguageIsTheMostPreferredOfFrenchAndEnglishByQValue(String languages, String expected) {
        invalidSignIn(languages).header("Content-Language", expected)
                .body("title", equalTo(expected.equals("en") ? "Invalid input" : "Saisie invalide"))
                .body("detail", equalTo(expected.equals("en") ? "2 fields are invalid" : "2 champs sont invalides"))
                .body("violations.find { it.field == 'password' }.message",
                        equalTo(expected.equals("en") ? "must not be blank" : "ne doit pas être vide"));
    }

    @Test
    void validationMessagesFollowTheLanguageWhileFieldsAndCodeStay() {
        var french = invalidSignIn("fr").extract().jsonPath();
        var english = invalidSignIn("en").extract().jsonPath();
        assertEquals(french.getString("code"), english.getString("code"));
        List<String> fields = french.getList("violations.field");
        assertEquals(fields, english.getList("violations.field"));
        assertNotEquals(french.getList("violations.message"), english.getList("violations.message"));
        assertEquals("must not be blank", english.getString("violations.find { it.field == 'password' }.message"));
        assertEquals("ne doit pas être vide", french.getString("violations.find { it.field == 'password' }.message"));
    }

    /**
     * What Miliê itself says of a field follows the language as Hibernate Validator's messages do:
     * the JSON reader's refusals, the free-text rule, its own constraint annotations.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login    | '{\"email\":\"a@b.ci\",\"password\":\"x\",\"remember\":true}' | remember | fr | n’est pas un champ connu",
            "/api/v1/auth/login    | '{\"email\":\"a@b.ci\",\"password\":\"x\",\"remember\":true}' | remember | en | is not a known field",
            "/api/v1/auth/login    | '{\"email\":42,\"password\":\"x\"}'          | email    | fr | n’a pas le bon type (texte attendu)",
            "/api/v1/auth/login    | '{\"email\":42,\"password\":\"x\"}'          | email    | en | has the wrong type (expected string)",
            "/api/v1/requests      | '{\"type\":\"PRAISE\"}'                       | type     | fr | doit être l’une des valeurs COMPLAINT, SUGGESTION, OBSERVATION",
            "/api/v1/requests      | '{\"type\":\"PRAISE\"}'                       | type     | en | must be one of COMPLAINT, SUGGESTION, OBSERVATION",
            "/api/v1/auth/login    | '{\"email\":\"a\\u0007@b.ci\",\"password\":\"x\"}' | email | fr | ne doit pas contenir de caractères de contrôle",
            "/api/v1/auth/login    | '{\"email\":\"a\\u0007@b.ci\",\"password\":\"x\"}' | email | en | must not contain control characters",
            "/api/v1/auth/otp      | '{\"phone\":\"12\"}'                           | phone    | fr | doit être un numéro de téléphone au format international (+225 et 10 chiffres pour la Côte d’Ivoire)",
            "/api/v1/auth/otp      | '{\"phone\":\"12\"}'                           | phone    | en | must be a phone number in international form (+225 and 10 digits for Côte d’Ivoire)",
            "/api/v1/auth/login    | '{\"email\":\"a@b.ci\",\"password\":\" \"}' | password | fr | ne doit pas être vide",
            "/api/v1/auth/login    | '{\"email\":\"a@b.ci\",\"password\":\" \"}' | password | en | must not be blank" })
    void aFieldsMessageIsInTheLanguageOfTheProblem(String path, String body, String field, String language, String message) {
        assertProblem(accepting(language).body(body).post(path).then(), 400, "VALIDATION_FAILED")
                .header("Content-Language", language)
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void aServiceRefusalOfAFieldIsLocalisedToo() {
        assertProblem(asSysadmin().header("Accept-Language", "en").queryParam("limit", "1.5").get("/api/v1/administrations").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("must be an integer"));
        assertProblem(asSysadmin().queryParam("limit", "1.5").get("/api/v1/administrations").then(), 400,
                "VALIDATION_FAILED").body("violations[0].field", equalTo("limit"))
                .body("violations[0].message", equalTo("doit être un nombre entier"));
    }

    @Test
    void aServiceRefusalIsLocalisedWithItsValues() {
        String missing = "/api/v1/requests/" + java.util.UUID.randomUUID();
        assertProblem(accepting("en").get(missing).then(), 404, "NOT_FOUND")
                .header("Content-Language", "en").body("title", equalTo("Not found"))
                .body("detail", equalTo("Request was not found"));
        assertProblem(accepting("").get(missing).then(), 404, "NOT_FOUND")
                .header("Content-Language", "fr").body("title", equalTo("Introuvable"))
                .body("detail", equalTo("Demande introuvable"));
    }

    @Test
    void theRoutersOwnAnswersAreLocalisedToo() {
        assertProblem(given().header("Accept-Language", "fr;q=0.2, en").get("/nothing-here").then(), 404, "NOT_FOUND")
                .header("Content-Language", "en").header("Vary", containsString("Accept-Language"))
                .body("detail", equalTo("Nothing is served at this path; the API is under /api/v1"));
        assertProblem(given().get("/nothing-here").then(), 404, "NOT_FOUND")
                .header("Content-Language", "fr")
                .body("detail", equalTo("Rien n’est servi à ce chemin ; l’API est sous /api/v1"));
    }
}
