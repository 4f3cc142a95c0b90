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
            for (Host h : ix.osdHosts()) {
                boolean on = h.hasInterfaceOn(net);
                if (!on) {
                    // a host of the ceph block's osd-filter has no osd line to point at: the filter and the host
                    var at = h.osds().isEmpty() ? ceph.osdFilter().span() : h.osds().get(0).selector().span();
                    var d = reporter.error(Code.HL043, at, "host `" + h.name() + "` has OSDs"
                                    + (h.osds().isEmpty() ? " (the ceph block's `osd-filter` covers it)" : "")
                                    + " but no interface on the Ceph cluster network `" + net + "`")
                            .label(ceph.clusterNetwork().span(), "the cluster network is chosen here");
                    if (h.osds().isEmpty()) d.label(h.name().span(), "the host is declared here");
                    d.hint("add `interface ceph0 on " + net + " address <ip>` to host `" + h.name() + "`").emit();
                }
            }
        }
    }
}
