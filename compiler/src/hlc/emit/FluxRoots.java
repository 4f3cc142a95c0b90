package hlc.emit;

import hlc.model.Cluster;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roots of the spec's own ({@code flux { root NAME { … } }}): one Kustomization each in the sync folder,
 * beside {@code cluster-apps}, applying a folder of the user's repository (its path as written, like an app's),
 * and the dependsOn that {@code apps-depend} gives cluster-apps. Prune is on unless the spec says otherwise, as
 * on every root hlc writes; wait is off unless said, as Flux has it.
 */
final class FluxRoots {
    private FluxRoots() {}

    static List<FileSpec> files(ResolvedSpec ix, String interval) {
        Cluster.Flux flux = flux(ix);
        if (flux == null) return List.of();
        List<FileSpec> files = new ArrayList<>();
        for (Cluster.Root r : flux.roots()) {
            if (r.path() == null) continue; // HL007
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.name().text());
            c.put("interval", r.interval() != null ? GoDuration.of(r.interval().value()) : interval);
            c.put("path", r.path().value());
            c.put("prune", r.prune() == null || r.prune().value());
            c.put("wait", r.waitReady() != null && r.waitReady().value());
            c.put("target_namespace", r.namespace() == null ? "" : r.namespace().text());
            files.add(new FileSpec(OutputPlace.SYNC_FOLDER + "/" + r.name().text() + ".yaml", "flux-user-root.yaml.j2", c, false));
        }
        return files;
    }

    /** The roots cluster-apps waits for, in the order the spec names them. */
    static List<String> appsDepend(ResolvedSpec ix) {
        Cluster.Flux flux = flux(ix);
        return flux == null ? List.of() : flux.appsDepend().stream().map(Name::text).distinct().toList();
    }

    private static Cluster.Flux flux(ResolvedSpec ix) {
        Cluster c = ix.spec().cluster();
        return c == null ? null : c.flux();
    }
}
