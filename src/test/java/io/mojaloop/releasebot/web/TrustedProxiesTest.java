package io.mojaloop.releasebot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    static final TrustedProxies INGRESS = TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8", "192.168.1.5"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(TrustedProxies.NONE.client("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
        assertThat(TrustedProxies.of(List.of()).client("127.0.0.1", List.of("203.0.113.9"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedProxyIsAskedWhoItSaw() {
        assertThat(INGRESS.client("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(INGRESS.client("192.168.1.5", List.of("203.0.113.9:41234"))).isEqualTo("203.0.113.9");
        assertThat(INGRESS.client("fd00::1", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        // no header: the proxy itself
        assertThat(INGRESS.client("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void whatTheClientWroteItselfIsNeverReached() {
        // the client claims 1.1.1.1; the ingress appends the address it saw
        assertThat(INGRESS.client("10.1.2.3", List.of("1.1.1.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // a chain of trusted proxies is walked through, in one header or several
        assertThat(INGRESS.client("10.1.2.3", List.of("1.1.1.1, 203.0.113.9, 10.9.9.9"))).isEqualTo("203.0.113.9");
        assertThat(INGRESS.client("10.1.2.3", List.of("1.1.1.1", "203.0.113.9", "10.9.9.9"))).isEqualTo("203.0.113.9");
        // garbage where a proxy we trust should have written: the last address one of them vouched for
        assertThat(INGRESS.client("10.1.2.3", List.of("unknown, 10.9.9.9"))).isEqualTo("10.9.9.9");
        assertThat(INGRESS.client("10.1.2.3", List.of("example.org"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSays() {
        assertThat(INGRESS.client("203.0.113.50", List.of("10.1.2.3"))).isEqualTo("203.0.113.50");
        assertThat(INGRESS.client("192.168.1.6", List.of("203.0.113.9"))).isEqualTo("192.168.1.6");
    }

    @Test
    void rangesAndLiteralsOnly() {
        TrustedProxies narrow = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertThat(narrow.trusts(TrustedProxies.literal("172.31.255.255"))).isTrue();
        assertThat(narrow.trusts(TrustedProxies.literal("172.32.0.0"))).isFalse();
        assertThatThrownBy(() -> TrustedProxies.of(List.of("ingress.example.org"))).hasMessageContaining("ingress.example.org");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
        assertThat(TrustedProxies.literal("999.1.1.1")).isNull();
        assertThat(TrustedProxies.literal(".:")).isNull();
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        assertThat(TrustedProxies.limitKey("2001:db8:1:2:aaaa::1")).isEqualTo(TrustedProxies.limitKey("2001:db8:1:2:bbbb::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(TrustedProxies.limitKey("2001:db8:1:3::1")).isNotEqualTo(TrustedProxies.limitKey("2001:db8:1:2::1"));
        assertThat(TrustedProxies.limitKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }
}
