package hlc.adopt;

import java.util.Map;

/**
 * What an import produced: the spec files (folder-relative path → text, the root first), the findings about
 * the repository, and the figures of the summary line.
 */
public record ImportResult(String rootFile, Map<String, String> files, Findings findings, FluxTree flux,
                           TalosCluster talos, int kustomizations, int nodes, int comments, int healthChecks) {

    /** {@code imported 133 Kustomizations, 4 nodes; 12 settings kept as comments (3 of them Flux health checks)} */
    public String summary() {
        return "imported " + kustomizations + " Kustomization" + (kustomizations == 1 ? "" : "s") + ", " + nodes + " node"
                + (nodes == 1 ? "" : "s") + "; " + comments + " setting" + (comments == 1 ? "" : "s") + " kept as comments"
                + (healthChecks == 0 ? "" : " (" + healthChecks + " of them Flux health check" + (healthChecks == 1 ? "" : "s") + ")");
    }
}
