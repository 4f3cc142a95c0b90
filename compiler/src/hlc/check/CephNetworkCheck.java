package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Ceph;
import hlc.model.Host;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL043: when a Ceph cluster has a dedicated replication network, every host with OSDs has an interface on it;
 * otherwise its OSDs cannot replicate and stay down.
 */
public final class CephNetworkCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL043);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Ceph ceph : ix.spec().cephs()) {
            if (ceph.clusterNetwork() == null || !ix.networks().containsKey(ceph.clusterNetwork().text())) continue;
            String net = ceph.clusterNetwork().text();
            for (Host h : ix.spec().hosts()) {
                if (h.osds().isEmpty()) continue;
                boolean on = h.hasInterfaceOn(net);
                if (!on) {
                    reporter.error(Code.HL043, h.osds().get(0).selector().span(), "host `" + h.name()
                                    + "` has OSDs but no interface on the Ceph cluster network `" + net + "`")
                            .label(ceph.clusterNetwork().span(), "the cluster network is chosen here")
                            .hint("add `interface ceph0 on " + net + " address <ip>` to host `" + h.name() + "`").emit();
                }
            }
        }
    }
}
