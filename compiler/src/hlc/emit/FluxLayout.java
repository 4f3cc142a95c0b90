package hlc.emit;

import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * One way of laying the apps' Flux Kustomizations out in the repository; the spec's {@code flux { layout … }}
 * chooses ({@link FluxEmitter}). Both write the root {@code cluster-apps} Kustomization and one folder per
 * namespace with its Namespace; they differ in where each app's Kustomization lives and what it substitutes from.
 */
interface FluxLayout {
    /** The layout's files, for an output folder at {@code place} in the repository. */
    List<FileSpec> files(ResolvedSpec ix, OutputPlace place);
}
