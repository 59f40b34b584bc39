package ci.milie.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Sends bytes no well-behaved HTTP client would (control characters in a header, a broken
 * multipart body, an overlong request line) and reads the answer. One request per connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** An answer: its status, its headers as sent (one per line, names lowercased), its body. */
    public record Answer(int status, String headers, String body) {

        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public JsonPath json() {
            return new JsonPath(body);
        }
    }

    /** Sends the head (lines joined with CRLF, then an empty line) and the body. */
    public static Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    public static Answer send(String head) throws IOException {
        return send(head, new byte[0]);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long contentLength = -1;
        boolean chunked = false;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (java.net.SocketException closed) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
                chunked = head.contains("transfer-encoding: chunked");
                int at = head.indexOf("content-length:");
                if (at >= 0) {
                    contentLength = Long.parseLong(head.substring(at + 15, head.indexOf("\r\n", at) < 0 ? head.length()
                            : head.indexOf("\r\n", at)).trim());
                }
            }
            if (headEnd >= 0 && contentLength >= 0 && received.size() >= headEnd + 4 + contentLength) {
                break;
            }
            if (headEnd >= 0 && chunked && text.endsWith("0\r\n\r\n")) {
                break;
            }
        }
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        if (chunked) {
            body = unchunk(body);
        }
        body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String statusLine = head.split("\r\n", 2)[0];
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        return new Answer(status, head.contains("\r\n") ? head.substring(head.indexOf("\r\n") + 2) : "", body);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
