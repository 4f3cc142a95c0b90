package hlc.model;

import hlc.diag.Span;
import inet.ipaddr.IPAddress;

/** A single IPv4 or IPv6 address, already validated. */
public record Ip(IPAddress value, Span span) {
    /** The canonical spelling (lower-case, compressed IPv6), used as the identity of an address. */
    public String text() {
        return value.toCanonicalString();
    }

    @Override
    public String toString() {
        return text();
    }
}
