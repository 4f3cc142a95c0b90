package hlc.adopt;

import java.util.List;

/**
 * A kustomization.yaml that sets a namespace for the Flux Kustomizations it lists ({@code kubernetes/apps/media}),
 * with the Kustomize components it adds to all of them (repository-relative paths).
 */
public record NamespaceFolder(String namespace, String dir, List<String> components, YamlDoc doc) {}
