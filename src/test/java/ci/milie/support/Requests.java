package ci.milie.support;

import static ci.milie.support.Api.anonymous;

import java.util.HashMap;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Builds requests and moves them along through the API, for tests of what comes after. */
public final class Requests {

    private Requests() {
    }

    /** A complaint body in the given category, reachable at the given e-mail. */
    public static Map<String, Object> complaint(String categoryCode, String email) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("fullName", "Awa Traoré");
        contact.put("email", email);
        contact.put("preferredLanguage", "fr");
        Map<String, Object> body = new HashMap<>();
        body.put("type", "COMPLAINT");
        body.put("categoryCode", categoryCode);
        body.put("channel", "MOBILE");
        body.put("subject", "Extrait de naissance introuvable");
        body.put("description", "Demandé il y a 3 mois à la mairie de Yopougon, toujours rien.");
        body.put("location", Map.of("region", "Abidjan", "locality", "Yopougon", "latitude", 5.336, "longitude", -4.087));
        body.put("contact", contact);
        body.put("anonymous", false);
        return body;
    }

    public static JsonPath submit(RequestSpecification as, Map<String, Object> body) {
        return as.body(body).post("/api/v1/requests").then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath submitAnonymously(Map<String, Object> body) {
        return submit(anonymous(), body);
    }

    /** Everything a test needs around one administration: its id, a category routed to it, an agent token. */
    public record Setting(String administrationId, String categoryCode, String agentToken, String osepToken) {

        public static Setting create(boolean answerReviewRequired) {
            String administrationId = Api.createAdministration(answerReviewRequired);
            String category = Api.createCategory(administrationId);
            String agent = TestTokens.agent(java.util.UUID.fromString(administrationId));
            return new Setting(administrationId, category, agent, TestTokens.of("osep"));
        }

        /** Submits a complaint and moves it as far as IN_PROGRESS at this administration; returns its id. */
        public String requestInProgress(String email) {
            String id = submitAnonymously(complaint(categoryCode, email)).getString("id");
            Api.as(osepToken).body(Map.of("administrationId", administrationId))
                    .post("/api/v1/requests/" + id + "/routing").then().statusCode(200);
            Api.as(agentToken).post("/api/v1/requests/" + id + "/acknowledgement").then().statusCode(200);
            return id;
        }
    }
}
