package ci.milie.support;

import java.util.List;
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

    public record Sms(String to, String text) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(String to, String text) {
        sent.add(new Sms(to, text));
    }

    public List<Sms> sentTo(String to) {
        return sent.stream().filter(sms -> sms.to().equals(to)).toList();
    }
}
