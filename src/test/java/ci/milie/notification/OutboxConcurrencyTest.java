package ci.milie.notification;

import static ci.milie.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Two relays at once, as two instances of the application would run them, against a real SMTP server. */
@QuarkusTest
@TestProfile(RealSmtpProfile.class)
class OutboxConcurrencyTest {

    private static final int MESSAGES = 50;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMessageRepository messages;

    private GreenMail smtp;

    @BeforeEach
    void startServerAndDeliverWhatEarlierTestsLeftDue() {
        smtp = RealSmtpProfile.startSmtpServer();
        while (relay.deliverDue() > 0) {
            // drained: from now on only this test's messages are due
        }
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    @Test
    void twoRelaysRunningTogetherSendEachMessageExactlyOnce() throws Exception {
        String batch = unique("burst").toLowerCase();
        List<String> recipients = IntStream.range(0, MESSAGES).mapToObj(i -> batch + "-" + i + "@milie.test").toList();
        QuarkusTransaction.requiringNew().run(() -> recipients.forEach(email -> outbox.notify(
                new Outbox.Recipient(email, null, "fr"), MessageKind.RECEIPT, OutboxTest.receipt("MIL-BURS-T000"), null)));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = instances.submit(() -> {
                start.await();
                return relay.deliverDue();
            });
            Future<Integer> second = instances.submit(() -> {
                start.await();
                return relay.deliverDue();
            });
            start.countDown();

            assertEquals(MESSAGES, first.get(2, TimeUnit.MINUTES) + second.get(2, TimeUnit.MINUTES));
        } finally {
            instances.shutdownNow();
        }

        for (String email : recipients) {
            long received = smtp.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(email), m -> true).count();
            assertEquals(1, received, "one mail for " + email);
        }
        long sent = QuarkusTransaction.requiringNew().call(() -> messages.count(
                "recipient like ?1 and status = ?2", batch + "-%", OutboxMessage.Status.SENT));
        assertEquals(MESSAGES, sent);
    }
}
