package io.mojaloop.releasebot.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who a request comes from, when proxies (an Ingress, a load balancer) stand in between: the connection's address,
 * unless that is one of the configured proxies; then {@code X-Forwarded-For} is read from the right (each proxy
 * appends the address it saw), skipping the configured proxies, and the first address that is not one of them is
 * the client. Whatever a client writes into the header itself stays on the left and is never reached, so it cannot
 * choose its own address. Without configured proxies the header is ignored.
 * <p>
 * Addresses are parsed as literals only (never looked up in DNS).
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    static final TrustedProxies NONE = new TrustedProxies(List.of());

    /**
     * Addresses ({@code 10.0.0.7}, {@code ::1}) and ranges ({@code 10.0.0.0/8}, {@code fd00::/8}).
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("release-bot.http.trusted-proxies: \"" + entry
                        + "\" is not an IP address or a range such as 10.0.0.0/8 (host names are not looked up)");
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("release-bot.http.trusted-proxies: \"" + entry + "\" has a prefix length outside 0.." + max);
            }
            ranges.add(new Range(address.getAddress(), bits));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    /**
     * The client's address.
     *
     * @param peer the address of the connection
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order
     */
    String client(String peer, List<String> forwardedFor) {
        InetAddress connection = literal(peer);
        if (ranges.isEmpty() || connection == null || !trusts(connection) || forwardedFor == null || forwardedFor.isEmpty()) {
            return connection == null ? String.valueOf(peer) : connection.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String nearest = connection.getHostAddress();
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i)));
            if (hop == null) {
                // not written by a proxy we trust: the last address one of them vouched for is the client
                return nearest;
            }
            nearest = hop.getHostAddress();
            if (!trusts(hop)) {
                return nearest;
            }
        }
        return nearest;
    }

    /**
     * What a rate limit counts by: the address, except that an IPv6 client counts by its /64 (one host usually
     * holds a whole /64 and could otherwise take a fresh address for every request).
     */
    static String limitKey(String address) {
        InetAddress parsed = literal(address);
        if (parsed instanceof Inet6Address) {
            byte[] b = parsed.getAddress();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return parsed == null ? String.valueOf(address) : parsed.getHostAddress();
    }

    /** An IPv4 or IPv6 literal, or null; never a DNS lookup. */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(s).matches();
        boolean v6 = !s.isEmpty() && (s.charAt(0) == ':' || Character.digit(s.charAt(0), 16) >= 0) && s.indexOf(':') >= 0 && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            // a literal: getByName only checks it (v4 is matched above, and anything with ':' is taken as IPv6)
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 203.0.113.7:41234} and {@code [2001:db8::1]:443} as some proxies write them. */
    private static String withoutPort(String hop) {
        String s = hop.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end < 0 ? s : s.substring(1, end);
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
            return s.substring(0, colon);
        }
        return s;
    }
}
