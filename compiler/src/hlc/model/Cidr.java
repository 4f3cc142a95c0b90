package hlc.model;

import hlc.diag.Span;
import inet.ipaddr.IPAddress;

/** A network prefix such as 192.168.5.0/24; {@code block} is the whole prefix block (host bits zero). */
public record Cidr(IPAddress block, Span span) {
    public boolean contains(Ip ip) {
        return block.getIPVersion() == ip.value().getIPVersion() && block.contains(ip.value());
    }

    public boolean isIpv4() {
        return block.isIPv4();
    }

    public String text() {
        return block.toCanonicalString();
    }

    @Override
    public String toString() {
        return text();
    }
}
