package ci.milie.request;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live streams (SSE): limits, heartbeat, replay bounds. See application.properties. */
@ConfigMapping(prefix = "milie.streams")
public interface LiveConfig {

    /** Open streams this instance serves at most; beyond, 429. */
    @WithDefault("1000")
    int maxPerInstance();

    /** Open streams one caller (an account, or a request's key holder) has at most on this instance; beyond, 429. */
    @WithDefault("5")
    int maxPerCaller();

    /** A comment line this often keeps proxies from closing an idle stream. */
    @WithDefault("PT20S")
    Duration heartbeat();

    /** How often an open stream's session is checked again (logout, deactivation end it). */
    @WithDefault("PT5S")
    Duration sessionCheck();

    /** Events replayed after Last-Event-ID at most; beyond, one reset event. */
    @WithDefault("500")
    int replayLimit();

    /** How far back Last-Event-ID may reach; beyond, one reset event. */
    @WithDefault("PT24H")
    Duration replayWindow();

    /** The feed is read at least this often, in case a notification was lost. */
    @WithDefault("PT5S")
    Duration safetyNet();

    /** While finished events wait behind an open transaction, the feed is read again this soon. */
    @WithDefault("PT0.2S")
    Duration lagPoll();

    /** The reconnection delay sent to clients (retry:) when this instance shuts down. */
    @WithDefault("PT3S")
    Duration reconnectDelay();

    /** How long a stream ticket may wait before it opens a stream. */
    @WithDefault("PT60S")
    Duration ticketTtl();
}
