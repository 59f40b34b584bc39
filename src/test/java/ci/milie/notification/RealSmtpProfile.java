package ci.milie.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application with a real SMTP client instead of the mock mailbox, sending to 127.0.0.1 on a
 * port chosen once per JVM, where the tests start and stop a GreenMail server.
 */
public class RealSmtpProfile implements QuarkusTestProfile {

    private static final String PORT_PROPERTY = "milie.test.smtp-port";

    /** Kept in a system property: the profile and the tests may be loaded by different class loaders. */
    static synchronized int port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = String.valueOf(socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException("no free port for the test SMTP server", e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    /** A GreenMail SMTP server listening where the application sends; a new one after each outage. */
    static GreenMail startSmtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port()),
                "quarkus.mailer.start-tls", "DISABLED",
                // One SMTP connection, which the relays of the concurrency test share: two connections
                // opened at the same instant in one JVM sometimes lose the server's greeting (seen with
                // GreenMail; the relay then retries, but the test wants every message on the first try).
                // Instances in production have a client each; their claims are what the test checks.
                "quarkus.mailer.max-pool-size", "1",
                "quarkus.log.category.\"com.icegreen\".level", "WARN");
    }
}
