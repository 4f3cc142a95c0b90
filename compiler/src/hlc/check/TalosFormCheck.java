package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.resolve.TalosSupportMatrix;

import java.util.List;

/**
 * HL096: the Talos machine configs can be written. A release hlc has no config shape for, a fact the pinned
 * release's shape has no place for ({@link TalosShape#unwritable}), and a kernel argument
 * whose schematic ID hlc cannot compute. Found here, at the spec's place, so that
 * {@code hlc check} refuses what {@code hlc compile} would: the emitter writes exactly what this check accepts.
 *
 * <p>HL004: a Kubernetes release the pinned Talos release does not run (outside its support matrix); the
 * nodes would boot, and the control plane would not come up.
 *
 * <p>HL007: a user volume without {@code disk}: Talos provisions a user volume on the disk its selector
 * matches, and its UserVolumeConfig cannot be written without one.
 */
public final class TalosFormCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL096, Code.HL004, Code.HL007);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        // The same condition as the Talos emitter's: without versions or nodes there are no machine configs.
        if (c == null || c.talos() == null || c.kubernetes() == null || ix.spec().hosts().isEmpty()) return;
        supportedPair(c, reporter);
        for (var h : ix.spec().hosts()) {
            for (var v : h.userVolumes()) {
                if (v.disk() != null) continue;
                reporter.error(Code.HL007, v.name().span(), "user volume `" + v.name() + "` of host `" + h.name()
                                + "` has no `disk`: Talos needs to know which disk to put it on")
                        .hint("add a CEL disk selector, e.g. `disk \"disk.transport == 'nvme'\"`").emit();
            }
        }
        TalosShape shape = TalosShape.of(c.talos());
        if (shape == null) {
            reporter.error(Code.HL096, c.talos().span(), "hlc cannot emit machine configs for Talos " + c.talos().text()
                            + ": it writes those of " + String.join(", and of ", TalosShape.allReleases()))
                    .hint("each release range has a config shape of its own; pin a release of one of those ranges")
                    .emit();
        } else {
            for (TalosShape.Unwritable u : shape.unwritable(c, ix.spec().hosts())) {
                reporter.error(Code.HL096, u.at(), "hlc cannot write " + u.what() + " into the machine configs of Talos "
                                + c.talos().text() + " (" + shape.releases() + ")")
                        .hint("Talos " + u.since() + " and later take it: pin one of those releases")
                        .emit();
            }
        }
        // Kernel arguments go into the schematic, whose ID hlc computes from the YAML the Image Factory would
        // write: an argument that YAML would quote could make that ID wrong, and a wrong ID is no installer.
        List<hlc.model.Located<String>> args = new java.util.ArrayList<>(c.kernelArgs());
        for (var h : ix.spec().hosts()) args.addAll(h.kernelArgs());
        for (var arg : args) {
            if (TalosShape.isPlainKernelArg(arg.value())) continue;
            reporter.error(Code.HL096, arg.span(), "hlc cannot compute the Image Factory schematic ID with the kernel argument `"
                            + arg.value() + "`")
                    .hint("hlc writes kernel arguments of letters, digits and _ . , = / + - that YAML reads as text, such as `intel_iommu=on`, or `-init_on_alloc` to drop a default")
                    .emit();
        }
    }

    /** The pair against the support matrix (data: {@link TalosSupportMatrix}); a release it has no row for is HL096's. */
    private static void supportedPair(Cluster c, Reporter reporter) {
        TalosSupportMatrix.Row row = TalosSupportMatrix.of(c.talos());
        if (row == null) return;
        var k = c.kubernetes();
        if (row.supports(k)) return;
        reporter.error(Code.HL004, k.span(), "Talos v" + c.talos().major() + "." + c.talos().minor()
                        + " does not run Kubernetes " + k.text() + ": it supports " + row.range())
                .label(c.talos().span(), "the Talos release is pinned here")
                .hint("pin a Kubernetes release from " + row.range() + ", or a Talos release that supports " + k.text()
                        + " (Talos's support matrix: " + row.source() + ")")
                .emit();
    }
}
