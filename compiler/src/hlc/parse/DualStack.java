package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cidr;
import hlc.model.Ip;
import hlc.model.Target;
import hlc.parse.gen.HomeLabParser.CidrContext;

import java.util.List;

/**
 * The dual-stack values of the language, read with their family rule: a cluster's {@code pods} and {@code
 * services} take one subnet of either family, or the IPv4 subnet and then the IPv6 one; the {@code ipv6}
 * attribute of an interface and the gateway of a network's {@code ipv6} prefix take IPv6 addresses only. A value
 * of the wrong family is HL004 and dropped, so no check or emitter sees an IPv4 value where IPv6 belongs.
 */
final class DualStack {
    private final Literals lit;
    private final Reporter reporter;

    DualStack(Literals lit, Reporter reporter) {
        this.lit = lit;
        this.reporter = reporter;
    }

    /** A subnet attribute: the first subnet (either family), and the IPv6 one after an IPv4 first, or null. */
    record Subnets(Cidr first, Cidr ipv6) {}

    Subnets subnets(List<CidrContext> written, String keyword) {
        Cidr first = written.isEmpty() ? null : lit.cidr(written.get(0));
        if (written.size() < 2) return new Subnets(first, null);
        Cidr second = lit.cidr(written.get(1));
        if (first == null || second == null) return new Subnets(first, null);
        if (!first.isIpv4() || second.isIpv4()) {
            reporter.error(Code.HL004, second.span(), "a dual-stack `" + keyword + "` is an IPv4 subnet and then an IPv6 one; "
                            + "this is " + family(first) + " then " + family(second))
                    .label(first.span(), "the first subnet")
                    .hint("write `" + keyword + " <IPv4 subnet> <IPv6 subnet>`, e.g. `" + keyword + " "
                            + (keyword.equals("pods") ? "10.244.0.0/16 fd00:10:244::/56" : "10.96.0.0/12 fd00:10:96::/112") + "`")
                    .emit();
            return new Subnets(first, null);
        }
        return new Subnets(first, second);
    }

    /** An address that must be IPv6 ({@code what} names it for the message), or null when it is not. */
    Ip ipv6(Ip ip, String what, String hint) {
        if (ip == null || !ip.value().isIPv4()) return ip;
        reporter.error(Code.HL004, ip.span(), what + " takes an IPv6 address; " + ip + " is IPv4").hint(hint).emit();
        return null;
    }

    /** The router of an IPv6 prefix: an IPv6 address, or a device or host by name. */
    Target ipv6Gateway(Target t) {
        if (t == null || t.address() == null) return t;
        Ip ip = ipv6(t.address(), "the gateway of an `ipv6` prefix",
                "write the IPv4 gateway with `gateway`, the IPv6 router after the prefix: `ipv6 fd00:5::/64 via fd00:5::1`");
        return ip == null ? null : t;
    }

    private static String family(Cidr c) {
        return c.isIpv4() ? "IPv4" : "IPv6";
    }
}
