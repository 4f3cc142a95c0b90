package hlc.adopt;

import java.util.List;
import java.util.Map;

/**
 * A Flux {@code Kustomization} (kustomize.toolkit.fluxcd.io) as the repository declares it, with the namespace
 * kustomize puts it in. Paths are repository-relative without a leading {@code ./}; {@code components} are
 * resolved against the Kustomization's path, as Flux resolves them. Null means "not set" (Flux's default).
 */
public record FluxKustomization(String name, String namespace, String path, List<Dependency> dependsOn,
                                Boolean waitReady, Boolean prune, String interval, String timeout,
                                List<String> components, Map<String, String> substitute,
                                List<SubstituteFrom> substituteFrom, String targetNamespace, String source,
                                YamlDoc doc) {

    /** A {@code dependsOn} entry with the namespace Flux gives it (the Kustomization's own when unset). */
    public record Dependency(String name, String namespace) {
        public String key() {
            return namespace + "/" + name;
        }
    }

    /** A {@code postBuild.substituteFrom} entry. */
    public record SubstituteFrom(String kind, String name, boolean optional) {}

    public String key() {
        return namespace + "/" + name;
    }
}
