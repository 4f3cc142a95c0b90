package hlc.adopt;

import java.util.List;

/**
 * What the import read of a Flux repository: where Flux syncs from, the Kustomizations that sync path applies
 * directly ({@code roots}: cluster-apps), every Kustomization below them, the namespace folders, and every other
 * manifest met on the way (for the readers of infrastructure: load-balancer pools, BGP, upgrade plans).
 * {@code missingInApps} counts the files an app's own folder names but the repository lacks: they do not
 * change what is imported (the Kustomizations), so they are counted rather than each reported.
 */
public record FluxTree(String syncPath, String repositoryUrl, String branch, List<FluxKustomization> roots,
                       List<FluxKustomization> apps, List<NamespaceFolder> namespaces, List<YamlDoc> manifests,
                       int missingInApps) {}
