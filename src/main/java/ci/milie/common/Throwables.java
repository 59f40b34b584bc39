package ci.milie.common;

/**
 * Describes a failure for the logs without its messages: exception messages from the database
 * or the mailer can quote personal data (an e-mail in a unique-key violation, say).
 */
public final class Throwables {

    private Throwables() {
    }

    public static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable current = e;
        int depth = 0;
        while (current != null && depth++ < 8) {
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) {
                out.append(i == 0 ? " at " : ", ").append(frames[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return out.toString();
    }
}
