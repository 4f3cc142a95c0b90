package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Host;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL093: a VLAN sub-interface ({@code interface bond0.107 vlan 107 of bond0 on iot}) has a parent link that is
 * another interface of the same host, and its VLAN id is the one of the network it is on. Talos creates the
 * sub-interface on top of the parent; without it, the VLANConfig document is rejected or the link never comes
 * up; with another id, its frames land in another network. Either way the pods that use the VLAN through
 * Multus have no network, or the wrong one.
 */
public final class VlanInterfaceCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL093);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Host h : ix.spec().hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.vlan() == null) continue;
                var parent = i.vlan().parent();
                if (parent.text().equals(i.name().text())) {
                    reporter.error(Code.HL093, parent.span(), "VLAN interface `" + i.name() + "` cannot be its own parent")
                            .hint("name the link it is tagged on, e.g. `vlan " + i.vlan().id().value() + " of bond0`").emit();
                    continue;
                }
                Network net = i.network() == null ? null : ix.networks().get(i.network().text());
                if (net != null && net.vlan() != null && !net.vlan().value().equals(i.vlan().id().value())) {
                    reporter.error(Code.HL093, i.vlan().id().span(), "VLAN interface `" + i.name() + "` of host `"
                                    + h.name() + "` tags VLAN " + i.vlan().id().value() + ", but network `" + net.name()
                                    + "` is VLAN " + net.vlan().value())
                            .label(net.vlan().span(), "the network's VLAN is declared here")
                            .hint("write `vlan " + net.vlan().value() + " of " + parent + "`, or put the interface on the network of VLAN "
                                    + i.vlan().id().value()).emit();
                }
                Host.Interface p = h.interfaceNamed(parent.text());
                if (p != null && p.vlan() == null) continue;
                // the host's links, for the hint: listed only here, where a finding needs them
                List<String> links = h.interfaces().stream().filter(x -> x.vlan() == null).map(x -> x.name().text()).toList();
                var d = reporter.error(Code.HL093, parent.span(), p != null
                        ? "VLAN interface `" + i.name() + "` of host `" + h.name() + "` has another VLAN interface (`" + parent + "`) as its parent"
                        : "VLAN interface `" + i.name() + "` of host `" + h.name() + "` has no parent link `" + parent + "` on that host");
                if (d.suggestClosest(parent.span(), parent.text(), links)) d.emit();
                else d.hint(links.isEmpty() ? "declare the link first, e.g. `interface bond0 ...`"
                        : "the host's links are " + String.join(", ", links.stream().map(x -> "`" + x + "`").toList())).emit();
            }
        }
    }
}
