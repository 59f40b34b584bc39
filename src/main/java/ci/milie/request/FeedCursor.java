package ci.milie.request;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the live feed: the transaction that wrote an event and the event's seq. Sent to
 * clients as the SSE {@code id}, opaque (base64url); they only give it back as {@code Last-Event-ID}.
 */
record FeedCursor(long tx, long seq) implements Comparable<FeedCursor> {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((tx + "." + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for anything this server did not write. */
    static Optional<FeedCursor> decode(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(id.strip()), StandardCharsets.US_ASCII);
            int dot = text.indexOf('.');
            if (dot < 1) {
                return Optional.empty();
            }
            return Optional.of(new FeedCursor(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(FeedCursor other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }
}
