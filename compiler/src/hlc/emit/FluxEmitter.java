package hlc.emit;

import hlc.check.SpecIndex;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Network;
import hlc.model.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Flux CD: a {@code Kustomization} (kustomize.toolkit.fluxcd.io/v1) in flux-system for every app, one folder per
 * namespace with its Namespace and a kustomization.yaml listing its apps, the root {@code cluster-apps}
 * Kustomization, and the {@code cluster-settings} ConfigMap of non-secret variables derived from the spec.
 * Secret variables become an ExternalSecret per app: the value stays in the vault.
 *
 * <pre>
 * flux/cluster/cluster-apps.yaml        root Kustomization → flux/apps
 * flux/cluster/cluster-settings.yaml    ConfigMap of derived variables
 * flux/apps/kustomization.yaml          lists the namespace folders
 * flux/apps/NS/kustomization.yaml       lists namespace.yaml and the apps' files
 * flux/apps/NS/APP.yaml                 the app's Kustomization
 * flux/apps/NS/APP-secrets.yaml         its ExternalSecret, when it has secret variables
 * </pre>
 */
public final class FluxEmitter implements Emitter {
    static final String FLUX_NS = "flux-system";
    static final String SETTINGS = "cluster-settings";
    private static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    private static final String DEFAULT_TIMEOUT = "5m";

    @Override
    public List<FileSpec> files(SpecIndex ix, EmitProblems problems) {
        Spec spec = ix.spec();
        List<FileSpec> files = new ArrayList<>();
        String root = rootPath(spec.cluster());
        String interval = GoDuration.of(fluxInterval(spec.cluster()));

        Map<String, List<App>> byNamespace = new TreeMap<>();
        for (App a : spec.apps()) byNamespace.computeIfAbsent(a.namespace().text(), k -> new ArrayList<>()).add(a);

        for (var entry : byNamespace.entrySet()) {
            String ns = entry.getKey();
            TreeSet<String> resources = new TreeSet<>();
            resources.add("./namespace.yaml");
            files.add(new FileSpec("flux/apps/" + ns + "/namespace.yaml", "namespace.yaml.j2", Map.of("name", ns), false));
            for (App a : entry.getValue()) {
                String name = a.name().text();
                boolean secrets = a.vars().stream().anyMatch(v -> v.secret() != null);
                files.add(new FileSpec("flux/apps/" + ns + "/" + name + ".yaml", "flux-kustomization.yaml.j2",
                        appContext(a, interval, secrets), false));
                resources.add("./" + name + ".yaml");
                if (secrets) {
                    files.add(new FileSpec("flux/apps/" + ns + "/" + name + "-secrets.yaml", "externalsecret.yaml.j2",
                            secretsContext(a), false));
                    resources.add("./" + name + "-secrets.yaml");
                }
            }
            files.add(new FileSpec("flux/apps/" + ns + "/kustomization.yaml", "kustomization.yaml.j2",
                    Map.of("resources", List.copyOf(resources)), false));
        }
        List<String> nsFolders = byNamespace.keySet().stream().map(ns -> "./" + ns).toList();
        if (!nsFolders.isEmpty()) {
            files.add(new FileSpec("flux/apps/kustomization.yaml", "kustomization.yaml.j2",
                    Map.of("resources", nsFolders), false));
        }
        Map<String, Object> rootCtx = new LinkedHashMap<>();
        rootCtx.put("interval", interval);
        rootCtx.put("path", root + "/apps");
        rootCtx.put("has_apps", !nsFolders.isEmpty());
        files.add(new FileSpec("flux/cluster/cluster-apps.yaml", "flux-root.yaml.j2", rootCtx, false));
        files.add(new FileSpec("flux/cluster/cluster-settings.yaml", "configmap.yaml.j2",
                Map.of("name", SETTINGS, "namespace", FLUX_NS, "data", entries(ClusterSettings.of(ix))), false));
        return files;
    }

    private static Map<String, Object> appContext(App a, String defaultInterval, boolean secrets) {
        Map<String, Object> c = new LinkedHashMap<>();
        String ns = a.namespace().text();
        c.put("name", a.name().text());
        c.put("namespace", ns);
        c.put("path", a.path() != null ? a.path().value() : "./kubernetes/apps/" + ns + "/" + a.name().text() + "/app");
        c.put("interval", a.interval() != null ? GoDuration.of(a.interval().value()) : defaultInterval);
        c.put("timeout", a.timeout() != null ? GoDuration.of(a.timeout().value()) : DEFAULT_TIMEOUT);
        c.put("prune", a.prune() == null || a.prune().value());
        c.put("wait", a.waitReady() != null && a.waitReady().value());
        c.put("depends", a.depends().stream().map(d -> d.text()).distinct().sorted().toList());
        Map<String, String> substitute = new TreeMap<>();
        for (App.Var v : a.vars()) {
            if (v.literal() != null) substitute.put(v.name().text(), v.literal().value());
        }
        c.put("substitute", entries(substitute));
        List<Map<String, Object>> from = new ArrayList<>();
        from.add(Map.of("kind", "ConfigMap", "name", SETTINGS));
        if (secrets) from.add(Map.of("kind", "Secret", "name", a.name().text() + "-secrets"));
        c.put("substitute_from", from);
        return c;
    }

    private static Map<String, Object> secretsContext(App a) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", a.name().text() + "-secrets");
        c.put("namespace", FLUX_NS);
        String store = a.vars().stream().filter(v -> v.secret() != null).map(v -> v.secret().vault().text())
                .sorted().findFirst().orElse("");
        c.put("store", store);
        List<Map<String, Object>> data = new ArrayList<>();
        new TreeMap<>(a.vars().stream().filter(v -> v.secret() != null)
                .collect(java.util.stream.Collectors.toMap(v -> v.name().text(), v -> v.secret().key().value(), (x, y) -> x)))
                .forEach((k, v) -> data.add(Map.of("key", k, "remote", v)));
        c.put("data", data);
        return c;
    }

    /** A sorted map as a list of key/value pairs: templates iterate lists in a fixed order. */
    static List<Map<String, Object>> entries(Map<String, String> map) {
        List<Map<String, Object>> out = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> out.add(Map.of("key", k, "value", v)));
        return out;
    }

    private static String rootPath(Cluster c) {
        String p = c != null && c.flux() != null && c.flux().path() != null ? c.flux().path().value() : "./out/flux";
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Duration fluxInterval(Cluster c) {
        return c != null && c.flux() != null && c.flux().interval() != null ? c.flux().interval().value() : DEFAULT_INTERVAL;
    }

    /** The non-secret variables every app can substitute: names a home-ops repository already uses. */
    static final class ClusterSettings {
        private ClusterSettings() {}

        static Map<String, String> of(SpecIndex ix) {
            Spec s = ix.spec();
            Map<String, String> d = new TreeMap<>();
            if (s.site() != null) {
                if (s.site().domain() != null) d.put("SITE_DOMAIN", s.site().domain().text());
                if (s.site().localDomain() != null) d.put("LOCAL_DOMAIN", s.site().localDomain().text());
                if (s.site().timezone() != null) d.put("TIMEZONE", s.site().timezone().value());
            }
            Cluster c = s.cluster();
            if (c != null) {
                d.put("CLUSTER_NAME", c.name().text());
                if (c.vip() != null) d.put("CLUSTER_VIP", c.vip().address().text());
                if (c.pods() != null) d.put("CLUSTER_POD_CIDR", c.pods().text());
                if (c.services() != null) d.put("CLUSTER_SERVICE_CIDR", c.services().text());
                for (Cluster.LoadBalancer lb : c.loadBalancers()) d.put("LB_" + envName(lb.name().text()) + "_IP", lb.address().text());
            }
            for (Network n : s.networks()) {
                if (n.cidr() != null) d.put("NET_" + envName(n.name().text()) + "_CIDR", n.cidr().text());
            }
            for (Device dev : s.devices()) {
                if (dev.addresses().isEmpty()) continue;
                d.put("DEVICE_" + envName(dev.name().text()) + "_IP", dev.addresses().get(0).address().text());
            }
            // NAS_IP: the name home-ops repositories use for the (first, by name) NAS.
            s.devices().stream()
                    .filter(dev -> dev.kind() != null && dev.kind().text().equals("nas") && !dev.addresses().isEmpty())
                    .min(java.util.Comparator.comparing(dev -> dev.name().text()))
                    .ifPresent(nas -> d.put("NAS_IP", nas.addresses().get(0).address().text()));
            return d;
        }

        static String envName(String name) {
            return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }
}
