package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `network` block: its prefixes, gateway, resolvers, VLAN, MTU, DHCP range and address pool. */
final class NetworkBuilder extends BlockBuilder {
    NetworkBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Network build(NetworkDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("network", name);
        Slot<Cidr> cidr = new Slot<>("cidr", t);
        Slot<Target> gateway = new Slot<>("gateway", t);
        Slot<List<Target>> dns = new Slot<>("dns", t);
        Slot<Located<Integer>> vlan = new Slot<>("vlan", t);
        Slot<Located<Integer>> mtu = new Slot<>("mtu", t);
        Slot<Network.DhcpRange> dhcp = new Slot<>("dhcp", t);
        Slot<String> desc = new Slot<>("description", t);
        Slot<Cidr> ipv6 = new Slot<>("ipv6", t);
        Slot<Name> pool = new Slot<>("pool", t);
        Target ipv6Gateway = null;
        List<Network.PoolBlock> blocks = new ArrayList<>();
        Slot<Name> announce = new Slot<>("announce", t);
        for (NetworkAttrContext a : ctx.networkAttr()) {
            Span at = lit.span(a);
            if (a instanceof NetCidrContext c) cidr.set(reporter, at, lit.cidr(c.cidr()));
            else if (a instanceof NetGatewayContext c) gateway.set(reporter, at, target(c.target()));
            else if (a instanceof NetDnsContext c) dns.set(reporter, at, targets(c.targetList()));
            else if (a instanceof NetVlanContext c) vlan.set(reporter, at, lit.number(c.number(), 1, 4094, "VLAN id"));
            else if (a instanceof NetMtuContext c) mtu.set(reporter, at, lit.number(c.number(), 576, 9216, "MTU"));
            else if (a instanceof NetDhcpContext c) dhcp.set(reporter, at, dhcpRange(c));
            else if (a instanceof NetDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof NetIpv6Context c) {
                boolean first = !ipv6.given();
                ipv6.set(reporter, at, ipv6Cidr(c));
                if (first && c.target() != null) ipv6Gateway = new DualStack(lit, reporter).ipv6Gateway(target(c.target()));
            }
            else if (a instanceof NetPoolContext c) {
                pool.set(reporter, at, lit.choice(c.name(), POOL_KINDS, "address pool"));
                for (PoolBlockContext b : c.poolBlock()) addIfPresent(blocks, poolBlock(b));
            }
            else if (a instanceof NetAnnounceContext c) announce.set(reporter, at, lit.choice(c.name(), ANNOUNCEMENTS, "announcement"));
        }
        require(ctx, cidr, name, "network", "cidr", "cidr 192.168.5.0/24");
        return name == null ? null : new Network(name, cidr.get(), gateway.get(), dns.get() == null ? List.of() : dns.get(),
                    vlan.get(), mtu.get(), dhcp.get(), desc.get(), ipv6.get(), pool.get(), ipv6Gateway,
                    blocks, announce.get());
    }

    private Cidr ipv6Cidr(NetIpv6Context c) {
        Cidr v6 = lit.cidr(c.cidr());
        if (v6 != null && v6.isIpv4()) {
            reporter.error(Code.HL004, v6.span(), "`ipv6` takes an IPv6 prefix; " + v6 + " is IPv4")
                    .hint("write the IPv4 prefix with `cidr`, the IPv6 one (e.g. a ULA fd00:5::/64) with `ipv6`").emit();
            return null;
        }
        return v6;
    }

    /** A pool's `range FIRST to LAST` or `block CIDR`; null (reported) when it is empty or mixes families. */
    private Network.PoolBlock poolBlock(PoolBlockContext b) {
        Span at = lit.span(b);
        if (b instanceof PoolCidrContext c) {
            Cidr block = lit.cidr(c.cidr());
            if (block == null) return null;
            var range = block.block();
            return new Network.PoolBlock(new Ip(range.getLower().withoutPrefixLength(), block.span()),
                    new Ip(range.getUpper().withoutPrefixLength(), block.span()), block, at);
        }
        PoolRangeContext r = (PoolRangeContext) b;
        if (r.address().size() < 2) return null;
        Ip first = lit.ip(r.address(0));
        Ip last = lit.ip(r.address(1));
        if (first == null || last == null) return null;
        if (first.value().getIPVersion() != last.value().getIPVersion() || first.value().compareTo(last.value()) > 0) {
            reporter.error(Code.HL004, at, "pool range " + first + " to " + last + " is empty or mixes IPv4 and IPv6")
                    .hint("write the lower address first").emit();
            return null;
        }
        return new Network.PoolBlock(first, last, null, at);
    }

    private Network.DhcpRange dhcpRange(NetDhcpContext c) {
        if (c.address().size() < 2) return null;
        Ip first = lit.ip(c.address(0));
        Ip last = lit.ip(c.address(1));
        if (first == null || last == null) return null;
        if (first.value().getIPVersion() != last.value().getIPVersion() || first.value().compareTo(last.value()) > 0) {
            reporter.error(Code.HL004, lit.span(c), "DHCP range " + first + " to " + last + " is empty or mixes IPv4 and IPv6")
                    .hint("write the lower address first").emit();
            return null;
        }
        return new Network.DhcpRange(first, last);
    }
}
