package hlc.emit.talos;

import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosShape;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.TalosPatch;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Talos Linux: one machine config per node, in the form of the Talos release the spec pins, plus the Image
 * Factory schematic of each distinct set of system extensions (committed: it holds no secret).
 */
public final class TalosEmitter implements Emitter {
    private static final List<TalosForm> FORMS = List.of(new ClassicV1Alpha1(), new MultiDocument(), new KubernetesDocuments());
    private final SecretsBundle secrets;

    /** @param secrets the bundle, or {@link SecretsBundle#placeholder()} to build and validate without writing */
    public TalosEmitter(SecretsBundle secrets) {
        this.secrets = secrets;
    }

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.talos() == null || c.kubernetes() == null || ix.spec().hosts().isEmpty()) return List.of();
        // TalosFormCheck (HL096) has refused a release with no form and every fact its form cannot write.
        TalosShape shape = TalosShape.of(c.talos());
        TalosForm form = FORMS.stream().filter(f -> f.shape() == shape).findFirst().orElse(null);
        if (form == null) {
            problems.internal("no Talos form for " + c.talos().text() + ", which the checks accepted");
            return List.of();
        }
        List<NodePlan> nodes = new ArrayList<>();
        for (Host h : ix.spec().hosts()) nodes.add(NodePlan.of(h, ix));
        // Each node's file path to its host, once: looking the host up per file made 10,000 nodes cost 10^8 string
        // concatenations (a third of a 10,000-host compile). The first host of a path wins, as the loop did.
        Map<String, Host> hostByPath = new HashMap<>();
        for (Host h : ix.spec().hosts()) hostByPath.putIfAbsent("talos/" + h.name().text() + ".yaml", h);
        List<FileSpec> files = new ArrayList<>();
        for (FileSpec f : form.files(ix, NodePlan.cluster(ix), nodes, secrets)) files.add(withPatches(f, c, hostByPath.get(f.path())));
        Map<String, Schematic> schematics = new TreeMap<>();
        for (NodePlan n : nodes) schematics.put(n.schematic().id(), n.schematic());
        for (Schematic s : schematics.values()) {
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("id", s.id());
            ctx.put("extensions", s.extensions());
            ctx.put("kernel_args", s.kernelArgs());
            ctx.put("overlay_image", s.overlayImage() == null ? "" : s.overlayImage());
            ctx.put("overlay_name", s.overlayName() == null ? "" : s.overlayName());
            files.add(new FileSpec("talos-schematics/" + s.id() + ".yaml", "talos-schematic.yaml.j2", ctx, false));
        }
        return files;
    }

    /**
     * A node's config with the spec's patches that apply to it, in the order Talos users layer them: the
     * cluster's, then its role's, then the host's own (each in the order written). TalosPatchCheck has checked them
     * against Talos's schema of the cluster's release, and the patched config is validated against that same one.
     * {@code h} is the host whose config {@code f} is, or null for any other file.
     */
    private static FileSpec withPatches(FileSpec f, Cluster c, Host h) {
        if (h == null) return f; // not a node's config (no host writes this path)
        String role = h.isControlPlane() ? "controlplane" : "worker";
        List<String> yaml = new ArrayList<>();
        for (TalosPatch p : c.patches()) if (p.role() == null) yaml.add(p.yaml());
        for (TalosPatch p : c.patches()) if (p.role() != null && p.role().text().equals(role)) yaml.add(p.yaml());
        for (TalosPatch p : h.patches()) yaml.add(p.yaml());
        // hlc's own classic schemas follow v1.10's fields: a v1.9 config is held to v1.9's own schema, patched or not
        boolean ownSchema = TalosShape.nearest(c.talos()).heldToItsOwnSchema(c.talos());
        return yaml.isEmpty() && !ownSchema ? f : f.withPatches(yaml, c.talos());
    }
}
