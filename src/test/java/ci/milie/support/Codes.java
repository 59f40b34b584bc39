package ci.milie.support;

import static ci.milie.support.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ci.milie.notification.OutboxRelay;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;

/** One-time codes as a citizen receives them: through the outbox, by e-mail or SMS. */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Codes() {
    }

    /** Delivers what is queued and reads the code of the last mail to that address whose subject starts so. */
    public static String lastMailedTo(MockMailbox mailbox, OutboxRelay relay, String email, String subjectStart) {
        Outboxes.drain(relay);
        List<Mail> mails = mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith(subjectStart)).toList();
        assertTrue(!mails.isEmpty(), "a mail '" + subjectStart + "…' was sent");
        Matcher matcher = CODE.matcher(mails.get(mails.size() - 1).getText());
        assertTrue(matcher.find(), "the mail holds a 6-digit code");
        return matcher.group(1);
    }

    /** The code of the last privacy confirmation mailed to that address. */
    public static String privacyCodeMailedTo(MockMailbox mailbox, OutboxRelay relay, String email) {
        return lastMailedTo(mailbox, relay, email, "Votre code de confirmation Miliê");
    }

    /** Signs a citizen in by e-mail with a real code (creating the account the first time); the access token. */
    public static String signInCitizen(MockMailbox mailbox, OutboxRelay relay, String email) {
        anonymous().body(Map.of("email", email)).post("/api/v1/auth/otp").then().statusCode(202);
        String code = lastMailedTo(mailbox, relay, email, "Votre code de connexion Miliê");
        return anonymous().body(Map.of("email", email, "code", code)).post("/api/v1/auth/otp/verify")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** Signs a citizen in by SMS with a real code (creating the account the first time); the access token. */
    public static String signInCitizenByPhone(RecordingSmsSender sms, OutboxRelay relay, String e164) {
        anonymous().body(Map.of("phone", e164)).post("/api/v1/auth/otp").then().statusCode(202);
        Outboxes.drain(relay);
        List<RecordingSmsSender.Sms> texts = sms.sentTo(e164);
        assertTrue(!texts.isEmpty(), "a code was texted to " + e164);
        Matcher matcher = CODE.matcher(texts.get(texts.size() - 1).text());
        assertTrue(matcher.find(), "the text holds a 6-digit code");
        return anonymous().body(Map.of("phone", e164, "code", matcher.group(1))).post("/api/v1/auth/otp/verify")
                .then().statusCode(200).extract().path("accessToken");
    }

    /** A Côte d'Ivoire mobile number no other test uses, in international form. */
    public static String uniquePhone() {
        return "+22507" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
