package ci.milie.request;

import static ci.milie.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import ci.milie.notification.OutboxRelay;
import ci.milie.support.Requests;
import ci.milie.support.Requests.Setting;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The links a citizen is given lead to the front-end's routes, under its own configured base. */
@QuarkusTest
class RequestLinksTest {

    @ConfigProperty(name = "milie.front-end.base-url")
    String frontEnd;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @Test
    void theReceiptAndItsMailLinkToTheTrackingRouteOfTheConfiguredFrontEndWithTheKeyInTheFragment() {
        assertNotEquals(RestAssured.baseURI + ":" + RestAssured.port, frontEnd, "the test front-end is not the API");
        Setting at = Setting.create(false);
        String email = uniqueEmail("links");

        JsonPath receipt = Requests.submitAnonymously(Requests.complaint(at.categoryCode(), email));
        String link = frontEnd + "/suivi/" + receipt.getString("trackingCode") + "#cle=" + receipt.getString("accessKey");
        assertEquals(link, receipt.getString("trackingUrl"));

        ci.milie.support.Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains(link), mails.get(0).getText());
        assertTrue(mails.get(0).getHtml().contains("href=\"" + link + "\""), mails.get(0).getHtml());
    }
}
