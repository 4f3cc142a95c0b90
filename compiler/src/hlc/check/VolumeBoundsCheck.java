package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Host;
import hlc.model.Size;
import hlc.resolve.ResolvedSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HL044: a node's volumes can be provisioned: no volume's {@code min-size} is above its {@code max-size}, and the
 * volumes placed on one disk (one selector) do not need more than that disk's size, when the spec gives it. Talos
 * otherwise waits for room that never comes, and the volume (EPHEMERAL: the node's whole /var) stays missing.
 */
public final class VolumeBoundsCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL044);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Host h : ix.spec().hosts()) {
            List<Host.Volume> all = new ArrayList<>(h.volumes());
            all.addAll(h.userVolumes());
            for (Host.Volume v : all) {
                if (v.minSize() != null && v.maxSize() != null && v.minSize().bytes().compareTo(v.maxSize().bytes()) > 0) {
                    reporter.error(Code.HL044, v.minSize().span(), "volume `" + v.name() + "` of host `" + h.name()
                                    + "` has min-size " + v.minSize().text() + " above its max-size " + v.maxSize().text())
                            .label(v.maxSize().span(), "max-size given here")
                            .hint("make min-size at most max-size").emit();
                }
            }
            Map<String, List<Host.Volume>> byDisk = new LinkedHashMap<>();
            for (Host.Volume v : all) {
                if (v.disk() != null) byDisk.computeIfAbsent(v.disk().value(), k -> new ArrayList<>()).add(v);
            }
            for (var e : byDisk.entrySet()) {
                Size disk = e.getValue().stream().map(Host.Volume::diskSize).filter(s -> s != null).findFirst().orElse(null);
                if (disk == null) continue;
                BigDecimal need = BigDecimal.ZERO;
                for (Host.Volume v : e.getValue()) {
                    if (v.minSize() != null) need = need.add(v.minSize().bytes());
                }
                if (need.compareTo(disk.bytes()) > 0) {
                    List<String> parts = e.getValue().stream().filter(v -> v.minSize() != null)
                            .map(v -> v.name() + " " + v.minSize().text()).toList();
                    reporter.error(Code.HL044, disk.span(), "the volumes of host `" + h.name() + "` on disk \""
                                    + e.getKey() + "\" need at least " + String.join(" + ", parts) + ", more than the disk's "
                                    + disk.text())
                            .hint("lower a min-size, or place a volume on another disk").emit();
                }
            }
        }
    }
}
