package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Suggest;
import hlc.model.Host;

import java.util.List;

/**
 * HL093: a VLAN sub-interface ({@code interface bond0.107 vlan 107 of bond0}) has a parent link that is another
 * interface of the same host. Talos creates the sub-interface on top of the parent; without it, the VLANConfig
 * document is rejected or the link never comes up, and the pods that use the VLAN through Multus have no network.
 */
public final class VlanInterfaceCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL093);
    }

    @Override
    public void run(SpecIndex ix, Reporter reporter) {
        for (Host h : ix.spec().hosts()) {
            List<String> links = h.interfaces().stream().filter(i -> i.vlan() == null).map(i -> i.name().text()).toList();
            for (Host.Interface i : h.interfaces()) {
                if (i.vlan() == null) continue;
                var parent = i.vlan().parent();
                if (parent.text().equals(i.name().text())) {
                    reporter.error(Code.HL093, parent.span(), "VLAN interface `" + i.name() + "` cannot be its own parent")
                            .hint("name the link it is tagged on, e.g. `vlan " + i.vlan().id().value() + " of bond0`").emit();
                    continue;
                }
                Host.Interface p = h.interfaceNamed(parent.text());
                if (p != null && p.vlan() == null) continue;
                String dym = Suggest.didYouMean(parent.text(), links);
                var d = reporter.error(Code.HL093, parent.span(), p != null
                        ? "VLAN interface `" + i.name() + "` of host `" + h.name() + "` has another VLAN interface (`" + parent + "`) as its parent"
                        : "VLAN interface `" + i.name() + "` of host `" + h.name() + "` has no parent link `" + parent + "` on that host");
                d.hint(dym != null ? dym : links.isEmpty() ? "declare the link first, e.g. `interface bond0 ...`"
                        : "the host's links are " + String.join(", ", links.stream().map(x -> "`" + x + "`").toList())).emit();
            }
        }
    }
}
