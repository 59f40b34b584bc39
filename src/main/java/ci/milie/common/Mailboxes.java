package ci.milie.common;

import java.util.Locale;

/**
 * The mailbox an e-mail address reaches, as the limits count it: {@code "Awa"@mail.ci},
 * {@code awa+1@mail.ci} and {@code AWA@mail.ci} are one target. Sub-addresses ({@code +tag}) and
 * a quoted local part reach the same inbox with the common providers, so counting them apart
 * would let one victim receive the quota many times over.
 */
public final class Mailboxes {

    private Mailboxes() {
    }

    public static String of(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return address;
        }
        String local = address.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1);
        }
        int tag = local.indexOf('+');
        if (tag > 0) {
            local = local.substring(0, tag);
        }
        return local + address.substring(at);
    }
}
