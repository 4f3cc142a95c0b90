package hlc.emit;

import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Decryption;
import hlc.model.Located;
import hlc.resolve.HealthCheckKinds;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What both Flux layouts say the same way about an app's Kustomization (its path, interval, timeout, prune,
 * wait, components, literal variables, health checks, retry interval, decryption and raw {@code flux-spec} fields) and the ExternalSecret that holds its secret variables. Where the Kustomization
 * lives, what it depends on and where it substitutes from differ by layout and are added by each.
 */
final class AppKustomization {
    static final String DEFAULT_TIMEOUT = "5m";

    private AppKustomization() {}

    /**
     * The template data both layouts share; {@code namespace} is the app's, Flux's targetNamespace. A VolSync
     * backup that covers the app adds hlc's component ({@code place} says where the output sits) and its variables.
     */
    static Map<String, Object> common(App a, String defaultInterval, ResolvedSpec ix, OutputPlace place) {
        var volsync = hlc.emit.backup.VolsyncComponent.forApp(ix, a);
        Map<String, Object> c = new LinkedHashMap<>();
        String ns = a.namespace().text();
        c.put("name", a.name().text());
        c.put("namespace", ns);
        c.put("path", path(a));
        c.put("interval", a.interval() != null ? GoDuration.of(a.interval().value()) : defaultInterval);
        c.put("timeout", a.timeout() != null ? GoDuration.of(a.timeout().value()) : DEFAULT_TIMEOUT);
        c.put("prune", a.prune() == null || a.prune().value());
        c.put("wait", a.waitReady() != null && a.waitReady().value());
        c.put("description", a.description() == null ? "" : a.description());
        List<String> components = new ArrayList<>(components(a));
        volsync.ifPresent(u -> components.add(RepositoryPaths.relative(path(a), place.path(u.folder()))));
        c.put("components", components.stream().distinct().toList());
        Map<String, String> substitute = new TreeMap<>();
        // each Multus attachment's name, for the pod annotation; a variable the spec sets itself wins
        for (App.Multus m : a.multus()) {
            substitute.put(hlc.emit.multus.MultusEmitter.variable(m.network().text()),
                    hlc.emit.multus.MultusEmitter.attachmentName(a.name().text(), m.network().text()));
        }
        volsync.ifPresent(u -> substitute.putAll(u.variables()));
        substitute.putAll(nfsVolumeVariables(a, ix));
        for (App.Var v : a.vars()) {
            if (v.literal() != null) substitute.put(v.name().text(), v.literal().value());
        }
        c.put("substitute", FluxEmitter.entries(substitute));
        c.put("retry_interval", a.retryInterval() == null ? "" : GoDuration.of(a.retryInterval().value()));
        c.put("decryption", decryption(a, ix));
        c.put("health_checks", healthChecks(a));
        c.put("extra", FluxSpecFields.indented(a.fluxSpec()));
        return c;
    }

    /**
     * How Flux decrypts the app's manifests: the app's {@code decryption}, else the flux block's, as
     * {@code {provider, secret}} (secret empty for none); an empty map when neither says.
     */
    static Map<String, Object> decryption(App a, ResolvedSpec ix) {
        Decryption d = a.decryption();
        Cluster c = ix.spec().cluster();
        if (d == null && c != null && c.flux() != null) d = c.flux().decryption();
        if (d == null) return Map.of();
        return Map.of("provider", d.provider().text(), "secret", d.secret() == null ? "" : d.secret().text());
    }

    /**
     * The app's health checks, each with its apiVersion and namespace written out (the Kustomization's own
     * namespace is flux-system in the flat layout, not the app's), once each, sorted: the order they are written
     * in says nothing to Flux, which waits for all of them.
     */
    static List<Map<String, Object>> healthChecks(App a) {
        TreeMap<String, Map<String, Object>> out = new TreeMap<>();
        for (App.HealthCheck h : a.healthChecks()) {
            String api = HealthCheckKinds.apiVersion(h);
            if (api == null) continue; // HL130
            String ns = h.namespace() != null ? h.namespace().text() : a.namespace().text();
            out.put(String.join(" ", api, h.kind().text(), ns, h.name().text()),
                    Map.of("api_version", api, "kind", h.kind().text(), "name", h.name().text(), "namespace", ns));
        }
        return List.copyOf(out.values());
    }

    /**
     * The Secrets and ConfigMaps the app substitutes variables from: {@code own} (what the layout gives every
     * app, and the app's ExternalSecret), then the app's {@code substitute-from} ones in the order written, since
     * a later source's variable wins in Flux; each source once.
     */
    static List<Map<String, Object>> substituteFrom(App a, List<Map<String, Object>> own) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> m : own) out.add(Map.of("kind", m.get("kind"), "name", m.get("name"), "optional", false));
        for (App.SubstituteSource s : a.substituteFrom()) {
            String kind = s.kind().text().equals("configmap") ? "ConfigMap" : "Secret";
            if (out.stream().anyMatch(m -> m.get("kind").equals(kind) && m.get("name").equals(s.name().text()))) continue;
            out.add(Map.of("kind", kind, "name", s.name().text(), "optional", s.optional()));
        }
        return out;
    }

    /**
     * An app's NFS volumes as the variables its HelmRelease mounts them by, the way home-ops apps write an NFS
     * volume inline ({@code server: ${NFS_MEDIA_SERVER}}, {@code path: ${NFS_MEDIA_PATH}}, mounted at
     * {@code ${NFS_MEDIA_MOUNT}}): the device's DNS name (else its address) and the export's path.
     */
    static Map<String, String> nfsVolumeVariables(App a, ResolvedSpec ix) {
        Map<String, String> out = new TreeMap<>();
        for (App.NfsVolume v : a.nfsVolumes()) {
            String prefix = "NFS_" + v.name().text().toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
            var device = ix.devices().get(v.device().text());
            out.put(prefix + "SERVER", ClassBackend.serverOf(device));
            out.put(prefix + "PATH", ClassBackend.exportPath(device, v.export()));
            if (v.mount() != null) out.put(prefix + "MOUNT", v.mount().value());
        }
        return out;
    }

    /**
     * The app's own Kustomize components, each once in the order written, as paths relative to the app's path:
     * Flux reads {@code spec.components} from there, whichever namespace the Kustomization is in.
     */
    static List<String> components(App a) {
        String from = path(a);
        return a.components().stream().map(Located::value).distinct()
                .map(c -> RepositoryPaths.relative(from, RepositoryPaths.COMPONENTS + "/" + c)).toList();
    }

    /** The folder Flux applies for the app: the one the spec names, else the conventional one. */
    static String path(App a) {
        return a.path() != null ? a.path().value() : RepositoryPaths.defaultAppPath(a.namespace().text(), a.name().text());
    }

    static boolean hasSecrets(App a) {
        return a.vars().stream().anyMatch(v -> v.secret() != null);
    }

    /** The Secret the app's ExternalSecret makes, which its Kustomization substitutes from. */
    static String secretsName(App a) {
        return a.name().text() + "-secrets";
    }

    /** Data for the ExternalSecret of an app's secret variables, in {@code namespace}: vault references only. */
    static Map<String, Object> externalSecret(App a, String namespace) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", secretsName(a));
        c.put("namespace", namespace);
        String store = a.vars().stream().filter(v -> v.secret() != null).map(v -> v.secret().vault().text())
                .sorted().findFirst().orElse("");
        c.put("store", hlc.emit.secretstore.SecretStoreEmitter.storeName(store));
        List<Map<String, Object>> data = new ArrayList<>();
        new TreeMap<>(a.vars().stream().filter(v -> v.secret() != null)
                .collect(Collectors.toMap(v -> v.name().text(), v -> v.secret().key().value(), (x, y) -> x)))
                .forEach((k, v) -> data.add(Map.of("key", k, "remote", v, "property", "", "store", "")));
        c.put("data", data);
        c.put("template", List.of()); // every key is a vault reference
        return c;
    }
}
