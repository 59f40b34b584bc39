package ci.milie.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The address guard's one rule, over each kind of address it must refuse and a few it must not. */
class WebhookTargetsTest {

    private static final Map<String, Boolean> PUBLIC = Map.ofEntries(
            Map.entry("93.184.216.34", true), Map.entry("196.47.128.1", true), Map.entry("2606:4700::6810:84e5", true),
            Map.entry("0.0.0.0", false), Map.entry("127.0.0.1", false), Map.entry("127.8.9.10", false),
            Map.entry("10.0.0.1", false), Map.entry("172.16.0.1", false), Map.entry("172.31.255.255", false),
            Map.entry("172.32.0.1", true), Map.entry("192.168.1.1", false), Map.entry("169.254.169.254", false),
            Map.entry("100.64.0.1", false), Map.entry("224.0.0.1", false), Map.entry("255.255.255.255", false),
            Map.entry("198.18.0.1", false), Map.entry("::", false), Map.entry("::1", false), Map.entry("fe80::1", false),
            Map.entry("fc00::1", false), Map.entry("fd12:3456::1", false), Map.entry("ff02::1", false),
            Map.entry("::ffff:127.0.0.1", false), Map.entry("::ffff:10.1.1.1", false), Map.entry("::ffff:93.184.216.34", true),
            Map.entry("64:ff9b::a9fe:a9fe", false), Map.entry("::127.0.0.1", false), Map.entry("2001:db8::1", false));

    @Test
    void onlyAddressesOnThePublicInternetPass() throws UnknownHostException {
        for (Map.Entry<String, Boolean> address : PUBLIC.entrySet()) {
            assertEquals(address.getValue(), WebhookTargets.isPublic(InetAddress.getByName(address.getKey())), address.getKey());
        }
    }
}
