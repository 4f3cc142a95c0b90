package hlc.model;

import java.util.List;

/**
 * An app Flux deploys: one Kustomization, its dependencies, storage, DNS names and variables.
 *
 * <p>{@code depends} holds the names of the apps depended on, as before namespaces existed; {@code dependencies}
 * holds the same entries with the namespace the user wrote ({@code secret-stores@external-secrets}), null for a
 * bare name. {@link #dependencyNamespace} says which namespace a bare name means in a given layout.
 * {@code cluster} is the cluster Flux deploys it to; null means the only one (with several, HL062).
 * {@code fluxSpec} is YAML the spec gives for the Kustomization's spec beyond what the app's words say (null: none).
 */
public record App(Name name, Name namespace, Located<String> path, List<Name> depends, List<Name> storage,
                  List<Route> routes, List<Var> vars, Located<Boolean> waitReady, Located<Boolean> prune,
                  Duration interval, Duration timeout, List<Name> uses, String description,
                  List<Dependency> dependencies, List<Located<String>> components, List<Multus> multus,
                  Located<String> version, List<NfsVolume> nfsVolumes,
                  Name cluster, List<HealthCheck> healthChecks, Duration retryInterval, Decryption decryption,
                  List<SubstituteSource> substituteFrom, YamlBlock fluxSpec) implements Named {
    public App {
        depends = List.copyOf(depends);
        storage = List.copyOf(storage);
        routes = List.copyOf(routes);
        vars = List.copyOf(vars);
        uses = List.copyOf(uses);
        dependencies = List.copyOf(dependencies);
        components = List.copyOf(components);
        multus = List.copyOf(multus);
        nfsVolumes = nfsVolumes == null ? List.of() : List.copyOf(nfsVolumes);
        healthChecks = healthChecks == null ? List.of() : List.copyOf(healthChecks);
        substituteFrom = substituteFrom == null ? List.of() : List.copyOf(substituteFrom);
    }

    /**
     * Something Flux waits to be healthy before it calls the app ready ({@code spec.healthChecks}): its kind,
     * namespace (null: the app's) and name, and its apiVersion when the spec gives one (null: the one hlc knows
     * for the kind).
     */
    public record HealthCheck(Name kind, Name namespace, Name name, Located<String> apiVersion, hlc.diag.Span span) {}

    /** A Secret or ConfigMap ({@code kind} as written: secret or configmap) the app takes variables from. */
    public record SubstituteSource(Name kind, Name name, boolean optional, hlc.diag.Span span) {}

    /**
     * An NFS export the app mounts itself (no storage class, no claim), as home-ops apps do in their HelmRelease
     * values: {@code nfs-volume media from nas export media at "/media"}. {@code mount} is null when not given.
     */
    public record NfsVolume(Name name, Name device, Name export, Located<String> mount, hlc.diag.Span span) {}

    /**
     * The namespace a dependency is in: the one written after {@code @}, else this app's own (a bare name
     * means the same namespace in the namespaced Flux layout; the flat layout finds bare names by name alone).
     */
    public String namespaceOf(Dependency d) {
        if (d.namespace() != null) return d.namespace().text();
        return namespace == null ? null : namespace.text();
    }

    /** A DNS name for the app, served through a load balancer (a Gateway) of the cluster. */
    public record Route(Name dnsName, Name via) {}

    /** A Flux substitution variable: a literal value, or a reference to a vault secret. */
    public record Var(Name name, Located<String> literal, SecretRef secret) {}

    /** A {@code dependsOn} entry: an app, and the namespace written after {@code @} (null when bare). */
    public record Dependency(Name app, Name namespace) {}

    /**
     * A static pod address on a Multus network (a NetworkAttachmentDefinition), with the gateway its routes to
     * public ranges go through when it has one.
     */
    public record Multus(Ip address, Name network, Ip via) {}
}
