package ci.milie.support;

import java.util.Locale;

/**
 * The kinds of caller the authorization matrices check, one column each: who signs in (or does
 * not), and how that caller stands to the request under test. The last two are integration
 * clients calling with a token from {@code POST /auth/token} ({@link ClientTokens}).
 */
public enum CallerKind {
    ANONYMOUS, KEY_HOLDER, OTHER_CITIZEN, OWNER, OPERATOR, OPERATOR_WHO_ENTERED, OSEP, AGENT_IN_CHARGE, AGENT_ELSEWHERE,
    SUPERVISOR, SYSADMIN, CLIENT_OF_ADMINISTRATION, CLIENT_OF_OSEP;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallerKind ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }

    public boolean isTheCitizen() {
        return this == OWNER || this == KEY_HOLDER;
    }

    public boolean isOperator() {
        return this == OPERATOR || this == OPERATOR_WHO_ENTERED;
    }
}
