package hlc.emit;

import java.util.List;

/**
 * A folder of the output that Flux must apply, declared by the emitter that writes it, so that every file hlc
 * writes is reconciled by some Kustomization (the Flux tree turns each of these into one).
 *
 * @param name   the Kustomization's name, a DNS-1123 label (for example {@code hlc-storage})
 * @param folder the folder relative to the output root (for example {@code storage})
 * @param after  names of the spec's apps whose Kustomizations must be ready first (the operators and CRDs the
 *               folder's resources need, for example {@code rook-ceph-cluster} for a CephBlockPool)
 */
public record AppliedFolder(String name, String folder, List<String> after) {
    public AppliedFolder {
        after = List.copyOf(after);
    }
}
