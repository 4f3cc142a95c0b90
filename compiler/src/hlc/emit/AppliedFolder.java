package hlc.emit;

import java.util.List;

/**
 * A folder of the output that Flux must apply, declared by the emitter that writes it, so that every file hlc
 * writes is reconciled by some Kustomization: the Flux tree turns each into a Kustomization in
 * {@code flux-system} (listed by the sync folder's kustomization.yaml) whose path is the folder's place in the
 * repository, with {@code prune}, a {@code dependsOn} entry for each app in {@code after}, and, with
 * {@code readyWhen}, {@code wait} and CEL health checks; the folder gets a kustomization.yaml listing its YAML
 * files unless the emitter writes one itself.
 *
 * @param name      the Kustomization's name, a DNS-1123 label (for example {@code hlc-storage})
 * @param folder    the folder relative to the output root (for example {@code storage})
 * @param after     names of the spec's apps whose Kustomizations must be ready first (the operators and CRDs the
 *                  folder's resources need, for example {@code rook-ceph-cluster} for a CephBlockPool); only apps
 *                  the spec declares (a name it lacks is a bug in the emitter, reported as HL098)
 * @param readyWhen when a kind of the folder is ready, for custom resources whose status Flux's generic
 *                  health check (kstatus) cannot read: without it Flux would report the folder ready as soon as
 *                  it is applied, and Kustomizations depending on it would start too early
 */
public record AppliedFolder(String name, String folder, List<String> after, List<ReadyWhen> readyWhen) {
    /**
     * A Flux {@code healthCheckExprs} entry: the CEL expressions over a resource (its {@code status}) that say it
     * is ready ({@code current}) or has failed ({@code failed}, empty for none).
     */
    public record ReadyWhen(String apiVersion, String kind, String current, String failed) {}

    public AppliedFolder {
        after = after.stream().distinct().sorted().toList();
        readyWhen = List.copyOf(readyWhen);
    }

    /** A folder whose resources Flux's own health checks judge correctly (or that have no status at all). */
    public AppliedFolder(String name, String folder, List<String> after) {
        this(name, folder, after, List.of());
    }
}
