package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Network;
import hlc.model.Spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The default layout: every app's Kustomization in {@code flux-system}, one folder per namespace with its
 * Namespace and a kustomization.yaml listing its apps, the root {@code cluster-apps} Kustomization, and the
 * {@code cluster-settings} ConfigMap of non-secret variables derived from the spec, which every app substitutes
 * from. Secret variables become an ExternalSecret per app: the value stays in the vault.
 *
 * <pre>
 * flux/cluster/cluster-apps.yaml        root Kustomization → flux/apps (its place in the repository)
 * flux/cluster/cluster-settings.yaml    ConfigMap of derived variables
 * flux/apps/kustomization.yaml          lists the namespace folders
 * flux/apps/NS/kustomization.yaml       lists namespace.yaml and the apps' files
 * flux/apps/NS/APP.yaml                 the app's Kustomization
 * flux/apps/NS/APP-secrets.yaml         its ExternalSecret, when it has secret variables
 * </pre>
 */
final class FlatFluxLayout implements FluxLayout {
    static final String SETTINGS = "cluster-settings";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, OutputPlace place) {
        Spec spec = ix.spec();
        List<FileSpec> files = new ArrayList<>();
        String interval = FluxEmitter.interval(ix);

        Map<String, List<App>> byNamespace = new TreeMap<>();
        for (App a : spec.apps()) byNamespace.computeIfAbsent(a.namespace().text(), k -> new ArrayList<>()).add(a);

        for (var entry : byNamespace.entrySet()) {
            String ns = entry.getKey();
            TreeSet<String> resources = new TreeSet<>();
            resources.add("./namespace.yaml");
            files.add(new FileSpec("flux/apps/" + ns + "/namespace.yaml", "namespace.yaml.j2", FluxNamespaces.namespaceContext(spec.cluster(), ns), false));
            for (App a : entry.getValue()) {
                String name = a.name().text();
                boolean secrets = AppKustomization.hasSecrets(a);
                files.add(new FileSpec("flux/apps/" + ns + "/" + name + ".yaml", "flux-kustomization.yaml.j2",
                        appContext(a, ix, place, interval, FluxEmitter.substituteFrom(spec.cluster())), false));
                resources.add("./" + name + ".yaml");
                if (secrets) {
                    files.add(new FileSpec("flux/apps/" + ns + "/" + name + "-secrets.yaml", "externalsecret.yaml.j2",
                            AppKustomization.externalSecret(a, FluxEmitter.FLUX_NS), false));
                    resources.add("./" + name + "-secrets.yaml");
                }
            }
            files.add(new FileSpec("flux/apps/" + ns + "/kustomization.yaml", "kustomization.yaml.j2",
                    FluxEmitter.kustomizationFile("", FluxNamespaces.sharedComponents(spec.cluster(), place, ns), List.copyOf(resources)), false));
        }
        List<String> nsFolders = byNamespace.keySet().stream().map(ns -> "./" + ns).toList();
        if (!nsFolders.isEmpty()) {
            files.add(new FileSpec("flux/apps/kustomization.yaml", "kustomization.yaml.j2",
                    FluxEmitter.kustomizationFile("", List.of(), nsFolders), false));
        }
        Map<String, Object> rootCtx = new LinkedHashMap<>();
        rootCtx.put("interval", interval);
        rootCtx.put("path", place.path("flux/apps"));
        rootCtx.put("has_apps", !nsFolders.isEmpty());
        rootCtx.put("cluster_settings", true);
        rootCtx.put("depends", FluxRoots.appsDepend(ix));
        files.add(new FileSpec("flux/cluster/cluster-apps.yaml", "flux-root.yaml.j2", rootCtx, false));
        files.add(new FileSpec("flux/cluster/cluster-settings.yaml", "configmap.yaml.j2",
                Map.of("name", SETTINGS, "namespace", FluxEmitter.FLUX_NS, "data",
                        FluxEmitter.entries(ClusterSettings.of(ix))), false));
        return files;
    }

    /**
     * The app's Kustomization in flux-system: dependencies by name alone (every Kustomization of this layout
     * shares that namespace), variables from the cluster-settings ConfigMap, the cluster's Secret of variables
     * when the spec names one, and the app's own secrets.
     */
    private static Map<String, Object> appContext(App a, ResolvedSpec ix, OutputPlace place, String defaultInterval,
                                                  String clusterSecret) {
        Map<String, Object> c = AppKustomization.common(a, defaultInterval, ix, place);
        c.put("depends", a.depends().stream().map(d -> d.text()).distinct().sorted().toList());
        List<Map<String, Object>> from = new ArrayList<>();
        from.add(Map.of("kind", "ConfigMap", "name", SETTINGS));
        if (clusterSecret != null) from.add(Map.of("kind", "Secret", "name", clusterSecret));
        if (AppKustomization.hasSecrets(a)) from.add(Map.of("kind", "Secret", "name", AppKustomization.secretsName(a)));
        c.put("substitute_from", AppKustomization.substituteFrom(a, from));
        return c;
    }

    /** The non-secret variables every app can substitute: names a home-ops repository already uses. */
    static final class ClusterSettings {
        private ClusterSettings() {}

        static Map<String, String> of(ResolvedSpec ix) {
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
                // A dual-stack cluster's second family, for the Cilium values that need both (ipv6.enabled, the
                // IPv6 pod CIDR list, ipv6NativeRoutingCIDR).
                if (c.podsIpv6() != null) d.put("CLUSTER_POD_CIDR_IPV6", c.podsIpv6().text());
                if (c.servicesIpv6() != null) d.put("CLUSTER_SERVICE_CIDR_IPV6", c.servicesIpv6().text());
                for (Cluster.LoadBalancer lb : c.loadBalancers()) d.put("LB_" + envName(lb.name().text()) + "_IP", lb.address().text());
            }
            for (Network n : s.networks()) {
                if (n.cidr() != null) d.put("NET_" + envName(n.name().text()) + "_CIDR", n.cidr().text());
                if (n.ipv6() != null) d.put("NET_" + envName(n.name().text()) + "_IPV6_CIDR", n.ipv6().text());
            }
            for (Device dev : s.devices()) {
                if (dev.addresses().isEmpty()) continue;
                d.put("DEVICE_" + envName(dev.name().text()) + "_IP", dev.addresses().get(0).address().text());
            }
            // NAS_IP: the name home-ops repositories use for the (first, by name) NAS.
            s.devices().stream()
                    .filter(dev -> dev.kind() != null && dev.kind().text().equals("nas") && !dev.addresses().isEmpty())
                    .min(Comparator.comparing(dev -> dev.name().text()))
                    .ifPresent(nas -> d.put("NAS_IP", nas.addresses().get(0).address().text()));
            return d;
        }

        static String envName(String name) {
            return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }
}
