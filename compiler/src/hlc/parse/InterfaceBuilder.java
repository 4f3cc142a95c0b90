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
    InterfaceBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    Host.Interface build(HostInterfaceContext ctx, Name host) {
        Name name = lit.name(ctx.dnsName());
        if (name == null) return null;
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
            }
        }
        if (address.get() == null && ipv6.get() != null && on.get() == null) {
            reporter.error(Code.HL007, ipv6.get().span(), "address " + ipv6.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan ipv6 " + ipv6.get() + "`").emit();
        }
        if (address.get() != null && on.get() == null) {
            reporter.error(Code.HL007, address.get().span(), "address " + address.get() + " of " + t + " has no network")
                    .hint("say which network it is on: `on lan address " + address.get() + "`").emit();
        }
        return new Host.Interface(name, on.get(), address.get(), driver.get(), bond.get(), mtu.get(), speed.get(),
                dhcp.get(), vlan.get(), ipv6.get());
    }
}
