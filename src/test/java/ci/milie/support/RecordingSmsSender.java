package ci.milie.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import ci.milie.notification.SmsSender;

/** Keeps the texts the application sends, for tests to read (as MockMailbox does for e-mail). */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingSmsSender implements SmsSender {

    /** {@code messageId}: the id a gateway would give it, which its delivery receipt names. */
    public record Sms(String to, String text, String messageId) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();

    @Override
    public String send(String to, String text) {
        String messageId = "rec-" + UUID.randomUUID();
        sent.add(new Sms(to, text, messageId));
        return messageId;
    }

    public List<Sms> sentTo(String to) {
        return sent.stream().filter(sms -> sms.to().equals(to)).toList();
    }
}
