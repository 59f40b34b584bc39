package ci.milie.channel;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** An aggregator driving USSD sessions: posts each step and checks every screen's frame. */
final class Ussd {

    static final String AGGREGATOR = "primary";
    static final String SECRET = "test-aggregator-secret";
    private static final Pattern TRACKING_CODE = Pattern.compile("MIL-[0-9A-Z]{4}-[0-9A-Z]{4}");

    private Ussd() {
    }

    static RequestSpecification callback(String aggregator, String secret) {
        RequestSpecification spec = given().contentType(ContentType.URLENC);
        if (aggregator != null) {
            spec.header(AggregatorAuthentication.NAME_HEADER, aggregator);
        }
        if (secret != null) {
            spec.header(AggregatorAuthentication.SECRET_HEADER, secret);
        }
        return spec;
    }

    static RequestSpecification form(RequestSpecification spec, String session, String phone, String text) {
        return spec.formParam("sessionId", session).formParam("serviceCode", "*384*123#")
                .formParam("phoneNumber", phone).formParam("networkCode", "61203").formParam("text", text);
    }

    /** One step of a session: the screen answered, checked to fit 160 characters and to start with CON or END. */
    static String step(String session, String phone, String text) {
        String screen = form(callback(AGGREGATOR, SECRET), session, phone, text).post("/api/v1/channels/ussd").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/plain")).extract().asString();
        assertTrue(screen.length() <= 160, "at most 160 characters, not " + screen.length() + ": " + screen);
        assertTrue(screen.startsWith("CON ") || screen.startsWith("END "), "CON or END: " + screen);
        return screen;
    }

    /**
     * The inputs that pick {@code label} on a paged list, from the screen showing its first page:
     * "8" while it is on a later page, then its number. Labels may be shortened to fit ("Catégo.").
     */
    static String pick(String session, String phone, String inputsSoFar, String screen, String label) {
        String inputs = inputsSoFar;
        for (int page = 0; page < 20; page++) {
            for (String line : screen.split("\n")) {
                Matcher choice = Pattern.compile("^(?:CON )?([1-7]) (.+)$").matcher(line);
                if (choice.matches() && shown(label, choice.group(2))) {
                    return inputs + "*" + choice.group(1);
                }
            }
            if (!screen.contains("\n8 ")) {
                break;
            }
            inputs = inputs + "*8";
            screen = step(session, phone, inputs);
        }
        return fail(label + " is on none of the pages");
    }

    private static boolean shown(String label, String line) {
        return line.equals(label) || line.endsWith(".") && label.startsWith(line.substring(0, line.length() - 1));
    }

    static String trackingCode(String screen) {
        Matcher code = TRACKING_CODE.matcher(screen);
        assertTrue(code.find(), "a tracking code in " + screen);
        return code.group();
    }
}
