package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL030: every control-plane node has an interface on the network of the VIP. Talos moves the VIP between
 * control-plane nodes; a node that is not on that network can never take it over, so failover silently fails.
 * (That the VIP lies inside its network and collides with nothing is checked with every other address.)
 */
public final class VipCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL030);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.vip() == null || !ix.networks().containsKey(c.vip().network().text())) return;
        String net = c.vip().network().text();
        for (Host h : ix.spec().hosts()) {
            if (!h.isControlPlane()) continue;
            boolean on = h.hasInterfaceOn(net);
            if (!on) {
                reporter.error(Code.HL030, h.name().span(), "control-plane node `" + h.name()
                                + "` has no interface on network `" + net + "`, where the VIP " + c.vip().address() + " lives")
                        .label(c.vip().address().span(), "the VIP is declared here")
                        .hint("add `interface <name> on " + net + " address <ip>` to host `" + h.name() + "`, or move the VIP")
                        .emit();
            }
        }
    }
}
