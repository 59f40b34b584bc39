package ci.milie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("10.0.0.0/8", "2001:db8::1"), null);
    private static final ClientAddress DIRECT = new ClientAddress(List.of(), null);

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.7", DIRECT.of("203.0.113.7", List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWhenOthersAreTrusted() {
        assertEquals("203.0.113.7", BEHIND_PROXIES.of("203.0.113.7", List.of("198.51.100.1")));
    }

    @Test
    void aTrustedPeerNamesTheClientInXForwardedFor() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("10.1.2.3", List.of("198.51.100.1")));
    }

    @Test
    void theNearestUntrustedHopIsTheClientSoForgedHopsOnTheLeftAreIgnored() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("10.1.2.3", List.of("6.6.6.6, 198.51.100.1, 10.9.9.9")));
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("10.1.2.3", List.of("6.6.6.6", "198.51.100.1, 10.9.9.9")));
    }

    @Test
    void garbageInXForwardedForStopsAtTheLastAddressTheProxiesVouchFor() {
        assertEquals("10.1.2.3", BEHIND_PROXIES.of("10.1.2.3", List.of("evil.example.com")));
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("10.1.2.3", List.of("999.1.1.1, 198.51.100.1")));
    }

    @Test
    void portsAndBracketsAreAccepted() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("10.1.2.3", List.of("198.51.100.1:5555")));
        assertEquals("2001:db8:aa:bb:0:0:0:0/64", BEHIND_PROXIES.of("10.1.2.3", List.of("[2001:db8:aa:bb::5]:443")));
    }

    @Test
    void ipv6ClientsCountByTheirSlash64() {
        assertEquals(DIRECT.of("2001:db8:1:2::1", null), DIRECT.of("2001:db8:1:2:ffff::9", null));
        assertEquals("2001:db8:1:2:0:0:0:0/64", DIRECT.of("2001:db8:1:2::1", null));
    }

    @Test
    void aSingleTrustedIpv6AddressIsAProxy() {
        assertEquals("198.51.100.1", BEHIND_PROXIES.of("2001:db8::1", List.of("198.51.100.1")));
        assertEquals("2001:db8:0:0:0:0:0:0/64", BEHIND_PROXIES.of("2001:db8::2", List.of("198.51.100.1")));
    }

    @Test
    void namesAreNeverLookedUp() {
        assertNull(ClientAddress.parse("localhost"));
        assertNull(ClientAddress.parse("deadbeef.example"));
        assertNull(ClientAddress.parse("1:2"));
    }

    @Test
    void aMalformedTrustedProxyStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33"), null));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.internal"), null));
    }
}
