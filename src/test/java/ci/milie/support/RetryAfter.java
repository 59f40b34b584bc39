package ci.milie.support;

import java.time.Duration;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a Retry-After header in whole seconds: at least 1, at most the given wait, of which a little may have passed. */
public final class RetryAfter extends TypeSafeMatcher<String> {

    private final long maxSeconds;
    private final long slack;

    private RetryAfter(long maxSeconds, long slack) {
        this.maxSeconds = maxSeconds;
        this.slack = slack;
    }

    /** A wait of this length, started a moment ago (up to a minute). */
    public static Matcher<String> within(Duration wait) {
        return new RetryAfter(wait.toSeconds(), 60);
    }

    /** A wait of this length, started just now (a few seconds on a busy machine). */
    public static Matcher<String> about(Duration wait) {
        return new RetryAfter(wait.toSeconds(), 3);
    }

    @Override
    protected boolean matchesSafely(String value) {
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 1 && seconds <= maxSeconds && seconds >= maxSeconds - slack;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a Retry-After of at most " + maxSeconds + " s, and at most " + slack + " s less");
    }
}
