package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds an `interface` line of a host: network, address, bond, VLAN and link settings. */
final class InterfaceBuilder extends BlockBuilder {
    private static final int MAX_LINK_NAME = 15;

    InterfaceBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    Host.Interface build(HostInterfaceContext ctx, Name host) {
        Name name = lit.name(ctx.dnsName());
        if (name == null) return null;
        // Linux names a link in at most 15 bytes (IFNAMSIZ less its NUL): Talos refuses a longer LinkConfig name,
        // and no link of the machine could ever have it.
        if (name.text().length() > MAX_LINK_NAME) {
            reporter.error(Code.HL004, name.span(), "interface name `" + name.text() + "` is " + name.text().length()
                            + " characters: Linux names a link in at most " + MAX_LINK_NAME)
                    .hint("use the name the machine gives the link (`enp1s0`, `bond0`, `bond0.107`), at most "
                            + MAX_LINK_NAME + " characters").emit();
        }
        String t = "interface `" + name.text() + "` of " + title("host", host);
        Slot<Name> on = new Slot<>("on", t);
        Slot<Ip> address = new Slot<>("address", t);
        Slot<Ip> ipv6 = new Slot<>("ipv6", t);
        Slot<Name> driver = new Slot<>("driver", t);
        Slot<Host.Bond> bond = new Slot<>("bond", t);
        Slot<Located<Integer>> mtu = new Slot<>("mtu", t);
        Slot<Located<String>> speed = new Slot<>("speed", t);
        Slot<Located<Boolean>> dhcp = new Slot<>("dhcp", t);
        Slot<Host.Vlan> vlan = new Slot<>("vlan", t);
        Slot<Located<String>> mac = new Slot<>("mac", t);
        Slot<Located<Boolean>> physical = new Slot<>("physical", t);
        Slot<Located<String>> busPath = new Slot<>("bus-path", t);
        Slot<Name> lacpRate = new Slot<>("lacp-rate", t);
        Slot<Located<String>> xmitHash = new Slot<>("xmit-hash-policy", t);
        Slot<Located<Integer>> miimon = new Slot<>("miimon", t);
        Slot<Located<Integer>> updelay = new Slot<>("updelay", t);
        Slot<Located<Integer>> downdelay = new Slot<>("downdelay", t);
        Slot<Located<Integer>> dhcpMetric = new Slot<>("dhcp-metric", t);
        List<Host.Route> routes = new ArrayList<>();
        for (InterfaceAttrContext a : ctx.interfaceAttr()) {
            Span at = lit.span(a);
            if (a instanceof IfaceOnContext c) on.set(reporter, at, lit.name(c.name()));
            else if (a instanceof IfaceAddressContext c) address.set(reporter, at, lit.ip(c.address()));
            else if (a instanceof IfaceIpv6Context c) ipv6.set(reporter, at, new DualStack(lit, reporter).ipv6(lit.ip(c.address()), "`ipv6`",
                    "write the IPv4 address with `address`, the IPv6 one with `ipv6`"));
            else if (a instanceof IfaceDriverContext c) driver.set(reporter, at, lit.name(c.name()));
            else if (a instanceof IfaceBondContext c) {
                Name mode = lit.choice(lit.name(c.dnsName()), BOND_MODES, "bond mode");
                bond.set(reporter, at, mode == null ? null : new Host.Bond(mode, names(c.nameList())));
            } else if (a instanceof IfaceMtuContext c) mtu.set(reporter, at, lit.number(c.number(), 576, 9216, "MTU"));
            else if (a instanceof IfaceSpeedContext c) speed.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof IfaceDhcpContext) dhcp.set(reporter, at, new Located<>(true, at));
            else if (a instanceof IfaceVlanContext c) {
                Located<Integer> id = lit.number(c.number(), 1, 4094, "VLAN id");
                Name parent = lit.name(c.dnsName());
                vlan.set(reporter, at, id == null || parent == null ? null : new Host.Vlan(id, parent));
            } else if (a instanceof IfaceMacContext c) mac.set(reporter, at, mac(c));
            else if (a instanceof IfacePhysicalContext) physical.set(reporter, at, new Located<>(true, at));
            else if (a instanceof IfaceBusPathContext c) busPath.set(reporter, at, lit.nonEmpty(c.STRING(), "bus path"));
            else if (a instanceof IfaceLacpRateContext c) lacpRate.set(reporter, at, lit.choice(c.name(), LACP_RATES, "LACP rate"));
            else if (a instanceof IfaceXmitHashPolicyContext c) xmitHash.set(reporter, at, xmitHashPolicy(c));
            else if (a instanceof IfaceMiimonContext c) miimon.set(reporter, at, lit.number(c.number(), 0, 60000, "miimon interval (ms)"));
            else if (a instanceof IfaceUpdelayContext c) updelay.set(reporter, at, lit.number(c.number(), 0, 60000, "updelay (ms)"));
            else if (a instanceof IfaceDowndelayContext c) downdelay.set(reporter, at, lit.number(c.number(), 0, 60000, "downdelay (ms)"));
            else if (a instanceof IfaceDhcpMetricContext c) dhcpMetric.set(reporter, at, lit.number(c.number(), 0, Integer.MAX_VALUE, "route metric"));
            else if (a instanceof IfaceRouteContext c) {
                Cidr network = lit.cidr(c.cidr());
                Ip via = lit.ip(c.address());
                Located<Integer> metric = c.number() == null ? null : lit.number(c.number(), 0, Integer.MAX_VALUE, "route metric");
                if (network != null && via != null) routes.add(new Host.Route(network, via, metric));
            }
        }
        Host.BondOptions options = new Host.BondOptions(lacpRate.get(), xmitHash.get(), miimon.get(), updelay.get(), downdelay.get());
        Host.Bond b = bond.get() == null ? null : new Host.Bond(bond.get().mode(), bond.get().members(), options);
        if (address.get() == null && ipv6.get() != null && on.get() == null) {
            reporter.error(Code.HL007, ipv6.get().span(), "address " + ipv6.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan ipv6 " + ipv6.get() + "`").emit();
        }
        if (address.get() != null && on.get() == null) {
            reporter.error(Code.HL007, address.get().span(), "address " + address.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan address " + address.get() + "`").emit();
        }
        if (b == null && options.any()) {
            reporter.error(Code.HL007, options.firstSpan(), "bond options on " + t + ", which is no bond")
                    .hint("bond options belong on the bond's line: `interface bond0 bond 802.3ad [net0, net1] lacp-rate fast`").emit();
        }
        if (dhcpMetric.get() != null && dhcp.get() == null) {
            reporter.error(Code.HL007, dhcpMetric.get().span(),
                            "`dhcp-metric` on " + t + ", which does not use DHCP")
                    .hint("add `dhcp` to the interface, or drop the metric").emit();
        }
        Host.LinkMatch match = new Host.LinkMatch(mac.get(), physical.get(), busPath.get());
        return new Host.Interface(name, on.get(), address.get(), driver.get(), b, mtu.get(), speed.get(),
                dhcp.get(), vlan.get(), ipv6.get(), match, routes, dhcpMetric.get());
    }

    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    /** A link's permanent MAC address, six hex pairs; written lower-case, as Talos reports it. */
    private Located<String> mac(IfaceMacContext c) {
        String text = c.STRING() != null ? Strings.unquote(c.STRING().getText()) : c.IPV6().getText();
        Span at = c.STRING() != null ? lit.span(c.STRING()) : lit.span(c.IPV6());
        if (!MAC.matcher(text).matches()) {
            reporter.error(Code.HL004, at, "`" + text + "` is not a MAC address")
                    .hint("six hex pairs separated by colons, e.g. `mac 00:1a:2b:3c:4d:5e`").emit();
            return null;
        }
        return new Located<>(text.toLowerCase(java.util.Locale.ROOT), at);
    }

    private Located<String> xmitHashPolicy(IfaceXmitHashPolicyContext c) {
        Located<String> p = lit.string(c.STRING());
        if (p == null || XMIT_HASH_POLICIES.contains(p.value())) return p;
        var d = reporter.error(Code.HL005, p.span(), "`" + p.value() + "` is not a known transmit hash policy");
        d.suggestClosest(p.span(), p.value(), XMIT_HASH_POLICIES);
        d.hint("one of: " + String.join(", ", XMIT_HASH_POLICIES)).emit();
        return null;
    }
}
