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
    /** Ethernet's MTU range as hlc holds links to it (HL092): IPv4's minimum, and the common jumbo-frame limit. */
    static final int MIN_MTU = 576, MAX_ETHERNET_MTU = 9216;
    /**
     * Linux's thunderbolt-net takes MTUs up to 64 KiB less the Ethernet header (TBNET_MAX_MTU - ETH_HLEN, its
     * "MTU range: 68 - 65522"); Thunderbolt rings run at 65520.
     */
    static final int MAX_THUNDERBOLT_MTU = 65522;
    /**
     * A Thunderbolt bus path as Talos reports a thunderbolt-net link's: the XDomain service the driver binds to,
     * {@code <domain>-<route>.<service>} ({@code 0-1.0}: domain 0, the peer on route 1, service 0). PCI bus paths
     * ({@code 0000:01:00.0}) never have this form, so one such path says the link is a Thunderbolt one.
     */
    static final java.util.regex.Pattern THUNDERBOLT_BUS_PATH = java.util.regex.Pattern.compile("[0-9]+-[0-9a-f]+\\.[0-9]+");

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
        Slot<NumberContext> mtu = new Slot<>("mtu", t);
        Slot<Located<String>> speed = new Slot<>("speed", t);
        Slot<Located<Boolean>> dhcp = new Slot<>("dhcp", t);
        Slot<Host.Vlan> vlan = new Slot<>("vlan", t);
        Slot<Located<String>> mac = new Slot<>("mac", t);
        Slot<Located<Boolean>> physical = new Slot<>("physical", t);
        Slot<Located<String>> busPath = new Slot<>("bus-path", t);
        Slot<Located<String>> thunderbolt = new Slot<>("thunderbolt", t);
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
            } else if (a instanceof IfaceMtuContext c) mtu.set(reporter, at, c.number());
            else if (a instanceof IfaceSpeedContext c) speed.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof IfaceDhcpContext) dhcp.set(reporter, at, new Located<>(true, at));
            else if (a instanceof IfaceVlanContext c) {
                Located<Integer> id = lit.number(c.number(), 1, 4094, "VLAN id");
                Name parent = lit.name(c.dnsName());
                vlan.set(reporter, at, id == null || parent == null ? null : new Host.Vlan(id, parent));
            } else if (a instanceof IfaceMacContext c) mac.set(reporter, at, mac(c));
            else if (a instanceof IfacePhysicalContext) physical.set(reporter, at, new Located<>(true, at));
            else if (a instanceof IfaceBusPathContext c) busPath.set(reporter, at, lit.nonEmpty(c.STRING(), "bus path"));
            else if (a instanceof IfaceThunderboltContext c) thunderbolt.set(reporter, at, thunderboltBusPath(c));
            else if (a instanceof IfaceLacpRateContext c) lacpRate.set(reporter, at, lit.choice(c.name(), LACP_RATES, "LACP rate"));
            else if (a instanceof IfaceXmitHashPolicyContext c) xmitHash.set(reporter, at, xmitHashPolicy(c));
            else if (a instanceof IfaceMiimonContext c) miimon.set(reporter, at, lit.number(c.number(), 0, 60000, "miimon interval (ms)"));
            else if (a instanceof IfaceUpdelayContext c) updelay.set(reporter, at, lit.number(c.number(), 0, 60000, "updelay (ms)"));
            else if (a instanceof IfaceDowndelayContext c) downdelay.set(reporter, at, lit.number(c.number(), 0, 60000, "downdelay (ms)"));
            else if (a instanceof IfaceDhcpMetricContext c) dhcpMetric.set(reporter, at, lit.number(c.number(), 0, Integer.MAX_VALUE, "route metric"));
            else if (a instanceof IfaceRouteContext c) {
                Cidr network = lit.cidr(c.cidr());
                Ip via = c.address() == null ? null : lit.ip(c.address());
                Located<Integer> metric = c.number() == null ? null : lit.number(c.number(), 0, Integer.MAX_VALUE, "route metric");
                if (network != null && (via != null || c.address() == null)) routes.add(new Host.Route(network, via, metric));
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
        if (thunderbolt.get() != null && (busPath.get() != null || driver.get() != null)) {
            Span other = busPath.get() != null ? busPath.get().span() : driver.get().span();
            reporter.error(Code.HL004, other, (busPath.get() != null ? "`bus-path`" : "`driver`") + " on " + t
                            + ", which `thunderbolt` already selects: by its Thunderbolt bus path, driver thunderbolt-net")
                    .label(thunderbolt.get().span(), "selected here")
                    .hint("keep `thunderbolt \"" + thunderbolt.get().value() + "\"` alone").emit();
        }
        Located<Integer> linkMtu = mtu(mtu.get(), thunderbolt.get(), busPath.get());
        Host.LinkMatch match = new Host.LinkMatch(mac.get(), physical.get(), busPath.get(), thunderbolt.get());
        return new Host.Interface(name, on.get(), address.get(), driver.get(), b, linkMtu, speed.get(),
                dhcp.get(), vlan.get(), ipv6.get(), match, routes, dhcpMetric.get());
    }

    /**
     * The link's MTU, held to its kind's range (HL092): Ethernet's 576..9216, or 576..65522 on a `thunderbolt`
     * link. An Ethernet link over 9216 whose bus path has the Thunderbolt form is told to say `thunderbolt`.
     */
    private Located<Integer> mtu(NumberContext n, Located<String> thunderbolt, Located<String> busPath) {
        if (n == null) return null;
        if (thunderbolt != null) return lit.number(n, MIN_MTU, MAX_THUNDERBOLT_MTU, "MTU");
        java.math.BigInteger v = Literals.missing(n) ? null : new java.math.BigInteger(n.getText());
        if (v == null || v.compareTo(java.math.BigInteger.valueOf(MAX_ETHERNET_MTU)) <= 0
                || v.compareTo(java.math.BigInteger.valueOf(MAX_THUNDERBOLT_MTU)) > 0) {
            return lit.number(n, MIN_MTU, MAX_ETHERNET_MTU, "MTU");
        }
        var d = reporter.error(Code.HL092, lit.span(n), "MTU " + v + " is out of range for an Ethernet link (576 to 9216)");
        if (busPath != null && THUNDERBOLT_BUS_PATH.matcher(busPath.value()).matches()) {
            d.label(busPath.span(), "a Thunderbolt bus path")
                    .hint("say that it is a Thunderbolt link, which takes MTUs up to 65522: `thunderbolt \""
                            + busPath.value() + "\"` instead of `bus-path`");
        } else {
            d.hint("MTU must be between 576 and 9216; a Thunderbolt link (thunderbolt-net) takes up to 65522 when the "
                    + "spec says it is one: `thunderbolt \"0-1.0\"` with its bus path");
        }
        d.emit();
        return null;
    }

    /** The bus path of `thunderbolt`, which must have the Thunderbolt form ({@code 0-1.0}; see {@link #THUNDERBOLT_BUS_PATH}). */
    private Located<String> thunderboltBusPath(IfaceThunderboltContext c) {
        Located<String> p = lit.nonEmpty(c.STRING(), "Thunderbolt bus path");
        if (p == null || THUNDERBOLT_BUS_PATH.matcher(p.value()).matches()) return p;
        reporter.error(Code.HL004, p.span(), "`" + p.value() + "` is not a Thunderbolt bus path")
                .hint("a thunderbolt-net link's bus path is `DOMAIN-ROUTE.SERVICE`, e.g. `thunderbolt \"0-1.0\"`: "
                        + "`talosctl get links -o yaml` shows it as the link's busPath; a PCI path is `bus-path`").emit();
        return null;
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
