package hlc.emit.talos;

import hlc.check.SpecIndex;
import hlc.diag.Code;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Talos Linux: one machine config per node, in the form of the Talos release the spec pins, plus the Image
 * Factory schematic of each distinct set of system extensions (committed: it holds no secret).
 */
public final class TalosEmitter implements Emitter {
    private static final List<TalosForm> FORMS = List.of(new ClassicV1Alpha1(), new MultiDocument());
    private final SecretsBundle secrets;

    /** @param secrets the bundle, or {@link SecretsBundle#placeholder()} to build and validate without writing */
    public TalosEmitter(SecretsBundle secrets) {
        this.secrets = secrets;
    }

    @Override
    public List<FileSpec> files(SpecIndex ix, EmitProblems problems) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.talos() == null || c.kubernetes() == null || ix.spec().hosts().isEmpty()) return List.of();
        TalosForm form = FORMS.stream().filter(f -> f.supports(c.talos())).findFirst().orElse(null);
        if (form == null) {
            problems.reporter().error(Code.HL096, c.talos().span(), "hlc cannot emit machine configs for Talos " + c.talos().text()
                            + ": it writes those of " + String.join(", and of ", FORMS.stream().map(TalosForm::releases).toList()))
                    .hint("each release range has a config shape of its own; pin a release of one of those ranges")
                    .emit();
            return List.of();
        }
        boolean unwritable = reportUnwritable(form, c, ix, problems);
        if (reportUnspellableKernelArgs(c, problems) || unwritable) return List.of();
        List<NodePlan> nodes = new ArrayList<>();
        for (Host h : ix.spec().hosts()) nodes.add(NodePlan.of(h, ix));
        List<FileSpec> files = new ArrayList<>(form.files(ix, NodePlan.cluster(ix), nodes, secrets));
        Map<String, Schematic> schematics = new TreeMap<>();
        for (NodePlan n : nodes) schematics.put(n.schematic().id(), n.schematic());
        for (Schematic s : schematics.values()) {
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("id", s.id());
            ctx.put("extensions", s.extensions());
            ctx.put("kernel_args", s.kernelArgs());
            files.add(new FileSpec("talos-schematics/" + s.id() + ".yaml", "talos-schematic.yaml.j2", ctx, false));
        }
        return files;
    }

    /** Every fact of the spec the chosen form has no place for, each at its place; true when there was one. */
    private static boolean reportUnwritable(TalosForm form, Cluster c, SpecIndex ix, EmitProblems problems) {
        List<TalosForm.Unwritable> unwritable = form.unwritable(c, ix.spec().hosts());
        for (TalosForm.Unwritable u : unwritable) {
            problems.reporter().error(Code.HL096, u.at(), "hlc cannot write " + u.what() + " into the machine configs of Talos "
                            + c.talos().text() + " (" + form.releases() + ")")
                    .hint("hlc writes it in the multi-document configs of Talos v1.12 and v1.13: pin one of those releases")
                    .emit();
        }
        return !unwritable.isEmpty();
    }

    /**
     * Kernel arguments go into the schematic, whose ID hlc computes from the YAML the Image Factory would write:
     * an argument that YAML would quote could make that ID wrong, and a wrong ID is an installer that does not exist.
     */
    private static boolean reportUnspellableKernelArgs(Cluster c, EmitProblems problems) {
        boolean any = false;
        for (var arg : c.kernelArgs()) {
            if (Schematic.isPlainKernelArg(arg.value())) continue;
            any = true;
            problems.reporter().error(Code.HL096, arg.span(), "hlc cannot compute the Image Factory schematic ID with the kernel argument `"
                            + arg.value() + "`")
                    .hint("hlc writes kernel arguments of letters, digits and _ . , = / + - that YAML reads as text, such as `intel_iommu=on`")
                    .emit();
        }
        return any;
    }
}
