package ci.milie.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ci.milie.support.FcmStub;

/** The FCM sender alone against the stub: the token's life and what each answer of FCM means. */
class FcmPushSenderTest {

    private static final String DEVICE = "dQw4w9WgXcQ:APA91bFcmPushSenderTestDeviceToken0001";
    private static final PushSender.PushMessage MESSAGE = new PushSender.PushMessage("Demande MIL-7KQ2-9XD3",
            "Nouveau statut : Reçue.", Map.of("event", "STATUS_CHANGED", "trackingCode", "MIL-7KQ2-9XD3", "status", "RECEIVED"));

    private final MovableClock clock = new MovableClock();
    private FcmStub fcm;
    private FcmPushSender sender;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void start() {
        fcm = FcmStub.start();
        ObjectMapper json = new ObjectMapper();
        PushConfig.Fcm config = new PushConfig.Fcm() {
            public Optional<String> credentials() {
                return Optional.of(FcmStub.serviceAccountJson());
            }

            public Optional<String> credentialsFile() {
                return Optional.empty();
            }

            public Optional<String> projectId() {
                return Optional.empty();
            }

            public String baseUrl() {
                return FcmStub.baseUrl();
            }

            public Optional<String> tokenUri() {
                return Optional.empty();
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
        sender = new FcmPushSender(config, FcmCredentials.load(config, json), json, clock);
    }

    @AfterEach
    void stop() {
        fcm.stop();
        assertEquals(List.of(), fcm.violations());
    }

    @Test
    void oneAccessTokenServesUntilAMinuteBeforeItExpires() {
        sender.send(DEVICE, MESSAGE);
        clock.now = clock.now.plusSeconds(3599 - 61);
        sender.send(DEVICE, MESSAGE);
        assertEquals(1, fcm.tokenRequests());
        clock.now = clock.now.plusSeconds(1);
        sender.send(DEVICE, MESSAGE);
        assertEquals(2, fcm.tokenRequests());
        assertEquals(3, fcm.sentTo(DEVICE).size());
    }

    @Test
    void eachAnswerOfFcmSaysWhatComesNext() {
        fcm.answerNext(DEVICE, FcmStub.Answer.serverError(), FcmStub.Answer.throttled(120), FcmStub.Answer.invalidArgument(),
                FcmStub.Answer.unregistered());

        PushSender.PushDeliveryException serverError = assertThrows(PushSender.PushDeliveryException.class, () -> sender.send(DEVICE, MESSAGE));
        assertEquals(PushSender.PushDeliveryException.Verdict.RETRY, serverError.verdict());
        assertNull(serverError.retryAfter());
        PushSender.PushDeliveryException throttled = assertThrows(PushSender.PushDeliveryException.class, () -> sender.send(DEVICE, MESSAGE));
        assertEquals(PushSender.PushDeliveryException.Verdict.RETRY, throttled.verdict());
        assertEquals(Duration.ofSeconds(120), throttled.retryAfter());
        assertEquals(PushSender.PushDeliveryException.Verdict.REJECTED,
                assertThrows(PushSender.PushDeliveryException.class, () -> sender.send(DEVICE, MESSAGE)).verdict());
        assertEquals(PushSender.PushDeliveryException.Verdict.UNREGISTERED,
                assertThrows(PushSender.PushDeliveryException.class, () -> sender.send(DEVICE, MESSAGE)).verdict());
        assertEquals("FCM answered 404 UNREGISTERED", assertThrows(PushSender.PushDeliveryException.class, () -> {
            fcm.answerNext(DEVICE, FcmStub.Answer.unregistered());
            sender.send(DEVICE, MESSAGE);
        }).getMessage());
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertEquals(Duration.ofSeconds(30), sender.retryAfter("30"));
        assertEquals(Duration.ofSeconds(90), sender.retryAfter("Sun, 29 Nov 2026 08:01:30 GMT"));
        assertEquals(Duration.ZERO, sender.retryAfter("Sun, 29 Nov 2026 07:00:00 GMT"));
        assertNull(sender.retryAfter("soon"));
        assertNull(sender.retryAfter(null));
    }

    @Test
    void anUnreachableFcmIsRetried() {
        fcm.stop();
        assertEquals(PushSender.PushDeliveryException.Verdict.RETRY,
                assertThrows(PushSender.PushDeliveryException.class, () -> sender.send(DEVICE, MESSAGE)).verdict());
        fcm = FcmStub.start();
    }
}
