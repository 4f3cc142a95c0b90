package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Ceph;
import hlc.model.Host;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL046: a ceph block's {@code osd-filter} is Rook's {@code useAllNodes} with a device filter, under which Rook
 * ignores the per-node device lists; a host's own {@code osd} lines beside it would name devices no OSD uses.
 */
public final class CephOsdCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL046);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Ceph ceph : ix.spec().cephs()) {
            if (ceph.osdFilter() == null) continue;
            for (Host h : ix.spec().hosts()) {
                if (h.osds().isEmpty()) continue;
                reporter.error(Code.HL046, h.osds().get(0).selector().span(), "host `" + h.name() + "` lists its own OSDs, but ceph `"
                                + ceph.name() + "` places OSDs on every node by its `osd-filter`")
                        .label(ceph.osdFilter().span(), "the filter for every node is here")
                        .hint("remove the host's `osd` lines, or the ceph block's `osd-filter` to list each host's devices").emit();
            }
        }
    }
}
