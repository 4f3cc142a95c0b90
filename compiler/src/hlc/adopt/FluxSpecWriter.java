package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link FluxTree} as the spec's {@code flux} block and one {@code app} per Kustomization, one file per
 * namespace. Flux's defaults are left unsaid where hlc's are the same; where they differ the value is written
 * ({@code prune false}: Flux's default is false, hlc's true). Health checks, retry intervals, decryption and an
 * app's own variables sources become the app's words; the other spec fields Flux has become its raw
 * {@code flux-spec}; what no word can say (another source, a target namespace of its own…) is a comment in the
 * app naming the file and line.
 */
final class FluxSpecWriter {
    static final String COMPONENTS = "kubernetes/components/";
    static final String APPS = "kubernetes/apps";
    private static final Set<String> SPEC_READ = Set.of("path", "dependsOn", "wait", "prune", "interval", "timeout",
            "components", "postBuild", "sourceRef", "targetNamespace");
    private static final long FIVE_MINUTES = 300_000;
    private static final String DEFAULT_SOURCE = "GitRepository flux-system/flux-system";

    private final FluxTree tree;
    private final Findings findings;
    private final boolean namespaced;
    private final String interval;
    private final String substituteFrom;
    /** The apps written, by NAMESPACE/NAME: the Kustomizations the spec declares. */
    private final Map<String, FluxKustomization> apps = new TreeMap<>();
    private final Set<String> appNames = new HashSet<>();
    private boolean usesPlaceholderVault;
    private final String vault;

    /** @param vault the vault service a secret value's placeholder reference names */
    FluxSpecWriter(FluxTree tree, Findings findings, String vault) {
        this.vault = vault;
        this.tree = tree;
        this.findings = findings;
        this.namespaced = tree.apps().stream().anyMatch(k -> !k.namespace().equals("flux-system"));
        this.interval = defaultInterval(tree);
        this.substituteFrom = commonSecret(tree);
        List<FluxKustomization> sorted = new ArrayList<>(tree.apps());
        sorted.sort(Comparator.comparing(FluxKustomization::key));
        for (FluxKustomization k : sorted) {
            if (SpecText.isName(k.name()) && SpecText.isName(appNamespace(k)) && appNames.add(k.name())) apps.put(k.key(), k);
        }
    }

    boolean usesPlaceholderVault() {
        return usesPlaceholderVault;
    }

    int kustomizations() {
        return apps.size();
    }

    /** The namespace the spec gives the app: its Kustomization's (namespaced layout) or its target (flat). */
    private String appNamespace(FluxKustomization k) {
        if (namespaced) return k.namespace();
        return k.targetNamespace() != null ? k.targetNamespace() : k.namespace();
    }

    private static String defaultInterval(FluxTree tree) {
        for (FluxKustomization r : tree.roots()) {
            if (r.name().equals("cluster-apps") && r.interval() != null && GoDurations.millis(r.interval()) > 0) return r.interval();
        }
        for (FluxKustomization r : tree.roots()) if (r.interval() != null && GoDurations.millis(r.interval()) > 0) return r.interval();
        return mostCommon(tree.apps().stream().map(FluxKustomization::interval).filter(i -> GoDurations.millis(i) > 0).toList(), "1h");
    }

    /**
     * The Secret most apps substitute from, which the spec's {@code substitute-from} gives to every app; none when
     * fewer than half use it (one app's Secret is that app's business, and giving it to all would change them all).
     */
    private static String commonSecret(FluxTree tree) {
        List<String> names = new ArrayList<>();
        for (FluxKustomization k : tree.apps()) {
            for (FluxKustomization.SubstituteFrom s : k.substituteFrom()) if (s.kind().equals("Secret")) names.add(s.name());
        }
        String common = mostCommon(names, null);
        long users = names.stream().filter(n -> n.equals(common)).count();
        return common != null && users * 2 > tree.apps().size() ? common : null;
    }

    private static String mostCommon(List<String> values, String otherwise) {
        Map<String, Integer> n = new TreeMap<>();
        values.forEach(v -> n.merge(v, 1, Integer::sum));
        return n.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(otherwise);
    }

    /** The {@code flux { … }} block, inside the cluster block. */
    void fluxBlock(SpecText t) {
        t.line(1, "flux {");
        if (tree.repositoryUrl() != null) t.line(2, "repository " + SpecText.quote(tree.repositoryUrl()));
        if (tree.branch() != null && SpecText.isName(tree.branch())) t.line(2, "branch " + tree.branch());
        t.line(2, "path " + SpecText.quote("./" + tree.syncPath()));
        t.line(2, "interval " + interval);
        if (namespaced) t.line(2, "layout namespaced");
        if (substituteFrom != null && SpecText.isName(substituteFrom)) t.line(2, "substitute-from " + substituteFrom);
        for (FluxKustomization r : tree.roots()) root(t, r);
        for (NamespaceFolder ns : tree.namespaces()) {
            if (!SpecText.isName(ns.namespace()) || ns.components().isEmpty()) continue;
            List<String> names = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String c : ns.components()) (component(c) != null ? names : other).add(c);
            t.line(2, "namespace " + ns.namespace() + " {");
            if (!names.isEmpty()) t.line(3, "components [" + String.join(", ", names.stream().map(FluxSpecWriter::component).toList()) + "]");
            for (String o : other) t.notImported(3, "component " + o + " outside " + COMPONENTS + " (" + ns.doc().where("components") + ")");
            t.line(2, "}");
        }
        t.line(1, "}");
    }

    /**
     * The sync path's own Kustomizations: cluster-apps, which hlc writes applying the apps folder (its
     * dependsOn on the other roots becomes {@code apps-depend}), and each other root of flux-system applying a
     * folder of the repository from its own source, as a {@code root NAME { … }} of the flux block. What such a
     * root sets beyond path, targetNamespace, wait, prune and interval stays a comment in it; a root the language
     * cannot say at all (another namespace or source, no path) is a comment of its own.
     */
    private void root(SpecText t, FluxKustomization r) {
        if (isAppsRoot(r)) {
            for (String k : extraSpecKeys(r)) t.notImported(2, "cluster-apps spec." + k + " (" + r.doc().where(k) + ")");
            List<String> after = new ArrayList<>();
            for (FluxKustomization.Dependency d : r.dependsOn()) {
                if (userRoot(d)) after.add(d.name());
                else t.notImported(2, "cluster-apps dependsOn " + d.key() + ", which is no root of the sync path (" + r.doc().where("dependsOn") + ")");
            }
            if (!after.isEmpty()) t.line(2, "apps-depend [" + String.join(", ", after) + "]");
            return;
        }
        if (!sayableRoot(r)) {
            t.notImported(2, "root Kustomization " + r.key() + " (path " + r.path() + ", " + r.doc().where("name")
                    + "): hlc writes one root, flux-system/cluster-apps applying " + (namespaced ? "./" + APPS : "its apps folder")
                    + ", and roots of flux-system applying a folder from the flux-system GitRepository");
            return;
        }
        t.line(2, "root " + r.name() + " {");
        t.line(3, "path " + SpecText.quote("./" + r.path()));
        if (r.targetNamespace() != null) t.line(3, "namespace " + r.targetNamespace());
        if (Boolean.TRUE.equals(r.waitReady())) t.line(3, "wait");
        if (Boolean.FALSE.equals(r.prune()) || r.prune() == null) t.line(3, "prune false");
        if (r.interval() != null && GoDurations.millis(r.interval()) != GoDurations.millis(interval)) t.line(3, "interval " + r.interval());
        for (String k : extraSpecKeys(r)) t.notImported(3, "spec." + k + " (" + r.doc().where(k) + ")");
        if (r.timeout() != null) t.notImported(3, "spec.timeout " + r.timeout() + " (" + r.doc().where("timeout") + ")");
        for (FluxKustomization.Dependency d : r.dependsOn()) t.notImported(3, "dependsOn " + d.key() + " (" + r.doc().where("dependsOn") + ")");
        t.line(2, "}");
    }

    /** The root hlc writes as its own cluster-apps: the one applying the apps. */
    private boolean isAppsRoot(FluxKustomization r) {
        return r.name().equals("cluster-apps") && r.namespace().equals("flux-system") && (!namespaced || APPS.equals(r.path()));
    }

    /** A root the flux block's {@code root} says: of flux-system, from the default source, with a path and a plain name. */
    private boolean sayableRoot(FluxKustomization r) {
        return !r.name().equals("cluster-apps") && !r.name().equals("flux-system") && !r.name().startsWith("hlc-")
                && SpecText.isName(r.name()) && r.namespace().equals("flux-system") && r.path() != null
                && !r.path().isEmpty() && (r.source() == null || r.source().equals(DEFAULT_SOURCE))
                && (r.targetNamespace() == null || SpecText.isName(r.targetNamespace()))
                && (r.interval() == null || GoDurations.millis(r.interval()) > 0);
    }

    /** Whether a dependency of cluster-apps is a root the spec writes ({@code root NAME}). */
    private boolean userRoot(FluxKustomization.Dependency d) {
        return tree.roots().stream().anyMatch(r -> r.key().equals(d.key()) && !isAppsRoot(r) && sayableRoot(r));
    }

    /** The namespace files: {@code NS → text}, apps sorted by name. */
    Map<String, SpecText> appFiles(String sourceName) {
        Map<String, List<FluxKustomization>> byNs = new TreeMap<>();
        for (FluxKustomization k : apps.values()) byNs.computeIfAbsent(appNamespace(k), x -> new ArrayList<>()).add(k);
        Map<String, SpecText> files = new LinkedHashMap<>();
        for (var e : byNs.entrySet()) {
            SpecText t = new SpecText();
            t.comment(0, "Namespace " + e.getKey() + ": its Flux Kustomizations, imported by `hlc import` from " + sourceName + ".");
            List<FluxKustomization> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(FluxKustomization::name));
            for (FluxKustomization k : list) {
                t.blank();
                app(t, k);
            }
            files.put(e.getKey(), t);
        }
        return files;
    }

    /** Kustomizations the language could not name: kept as comments in the root file. */
    void skipped(SpecText t) {
        for (FluxKustomization k : tree.apps()) {
            if (apps.containsKey(k.key())) continue;
            String why = !SpecText.isName(k.name()) || !SpecText.isName(appNamespace(k))
                    ? "its name is no name the language can spell" : "an app of that name is already imported (names of apps are unique in a spec)";
            t.notImported(0, "Kustomization " + k.key() + " (" + k.doc().where("name") + "): " + why);
            findings.add(ImportCode.IMP08, k.doc().spanOfKey("name"), "Kustomization `" + k.key() + "` is not imported: " + why,
                    "rename it in the repository, or add it to the spec by hand");
        }
    }

    private void app(SpecText t, FluxKustomization k) {
        String ns = appNamespace(k);
        t.line(0, "app " + k.name() + " {");
        t.line(1, "namespace " + ns);
        String path = k.path();
        if (path == null) {
            t.notImported(1, "the Kustomization has no path (" + k.doc().where("spec") + ")");
        } else if (!path.equals(APPS + "/" + ns + "/" + k.name() + "/app")) {
            t.line(1, "path " + SpecText.quote("./" + path));
        }
        List<String> deps = new ArrayList<>();
        for (FluxKustomization.Dependency d : k.dependsOn()) {
            FluxKustomization target = apps.get(d.key());
            if (target == null) {
                t.notImported(1, "dependsOn " + d.key() + ", which is no app of the spec (" + k.doc().where("dependsOn") + ")");
                continue;
            }
            String targetNs = appNamespace(target);
            deps.add(namespaced && targetNs.equals(ns) ? d.name() : d.name() + "@" + targetNs);
        }
        if (!deps.isEmpty()) t.line(1, "depends [" + String.join(", ", deps) + "]");
        List<String> comps = new ArrayList<>();
        for (String c : k.components()) {
            String name = component(c);
            if (name != null) comps.add(name);
            else t.notImported(1, "component " + c + " outside " + COMPONENTS + " (" + k.doc().where("components") + ")");
        }
        if (!comps.isEmpty()) t.line(1, "components [" + String.join(", ", comps) + "]");
        if (Boolean.TRUE.equals(k.waitReady())) t.line(1, "wait");
        if (!Boolean.TRUE.equals(k.prune())) t.line(1, "prune false");
        duration(t, k, "interval", k.interval(), interval);
        if (k.timeout() != null) {
            duration(t, k, "timeout", k.timeout(), null);
        } else if (GoDurations.millis(effectiveInterval(k)) > 0 && GoDurations.millis(effectiveInterval(k)) != FIVE_MINUTES) {
            // Flux's timeout defaults to the interval, hlc's to 5m: say the one the cluster runs with.
            t.line(1, "timeout " + effectiveInterval(k));
        }
        vars(t, k);
        if (k.targetNamespace() != null && !k.targetNamespace().equals(ns) && namespaced) {
            t.notImported(1, "targetNamespace " + k.targetNamespace() + " (" + k.doc().where("targetNamespace") + "): hlc targets the app's namespace");
        }
        if (k.targetNamespace() == null && namespaced) {
            t.notImported(1, "no targetNamespace (" + k.doc().where("spec") + "): hlc sets it to " + ns);
        }
        if (k.source() != null && !k.source().equals(DEFAULT_SOURCE)) {
            t.notImported(1, "sourceRef " + k.source() + " (" + k.doc().where("sourceRef") + "): hlc applies from " + DEFAULT_SOURCE);
        }
        boolean fromCommon = k.substituteFrom().stream().anyMatch(s -> s.kind().equals("Secret") && s.name().equals(substituteFrom));
        if (substituteFrom != null && !fromCommon) {
            t.notImported(1, "no substituteFrom Secret " + substituteFrom + " (" + k.doc().where("spec") + "): hlc gives it to every app");
        }
        for (FluxKustomization.SubstituteFrom s : k.substituteFrom()) {
            if (s.kind().equals("Secret") && s.name().equals(substituteFrom)) continue;
            if (!namespaced && s.kind().equals("ConfigMap") && s.name().equals("cluster-settings")) continue; // hlc's own, in the flat layout
            if ((s.kind().equals("Secret") || s.kind().equals("ConfigMap")) && SpecText.isName(s.name())) {
                t.line(1, "substitute-from " + s.kind().toLowerCase(java.util.Locale.ROOT) + " " + s.name() + (s.optional() ? " optional" : ""));
            } else {
                t.notImported(1, "substituteFrom " + s.kind() + " " + s.name() + (s.optional() ? " (optional)" : "") + " (" + k.doc().where("substituteFrom") + ")");
            }
        }
        JsonNode raw = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String key : extraSpecKeys(k)) {
            JsonNode value = k.doc().node().path("spec").path(key);
            if (key.equals("healthChecks")) healthChecks(t, k, ns);
            else if (key.equals("retryInterval")) duration(t, k, "retry-interval", value.asText(), null, "retryInterval");
            else if (key.equals("decryption")) decryption(t, k, value);
            else if (RAW.contains(key)) ((com.fasterxml.jackson.databind.node.ObjectNode) raw).set(key, value);
            else t.notImported(1, "spec." + key + " (" + k.doc().where(key) + ")");
        }
        if (!raw.isEmpty()) fluxSpec(t, k, raw);
        Iterator<String> meta = k.doc().node().path("metadata").fieldNames();
        while (meta.hasNext()) {
            String m = meta.next();
            if (!m.equals("name") && !m.equals("namespace")) t.notImported(1, "metadata." + m + " (" + k.doc().where(m) + ")");
        }
        t.line(0, "}");
    }

    private String effectiveInterval(FluxKustomization k) {
        return k.interval() != null ? k.interval() : interval;
    }

    private void duration(SpecText t, FluxKustomization k, String what, String value, String dflt) {
        duration(t, k, what, value, dflt, what);
    }

    private void duration(SpecText t, FluxKustomization k, String what, String value, String dflt, String field) {
        if (value == null) return;
        long ms = GoDurations.millis(value);
        if (ms <= 0 && field.equals("retryInterval") || ms < 0) {
            t.notImported(1, field + " " + value + " (" + k.doc().where(field) + ")");
        } else if (dflt == null || ms != GoDurations.millis(dflt)) {
            t.line(1, what + " " + value);
        }
    }

    private void vars(SpecText t, FluxKustomization k) {
        for (var e : new TreeMap<>(k.substitute()).entrySet()) {
            String name = e.getKey(), value = e.getValue();
            String where = k.doc().where(name);
            if (!SpecText.isName(name) || value.contains("\n")) {
                t.notImported(1, "substitution " + name + " (" + where + ")");
            } else if (SecretShapes.secretValue(value) || (SecretShapes.secretName(name) && !value.contains("${"))) {
                usesPlaceholderVault = true;
                findings.addSensitive(ImportCode.IMP06, k.doc().spanOf(value), "substitution `" + name + "` of Kustomization `"
                                + k.key() + "` " + (SecretShapes.secretValue(value) ? "holds a secret value" : "has a name that says it is secret")
                                + ": its value is not copied, the spec references the vault instead",
                        "store it in your secret manager under `" + k.name() + "/" + name + "` (the spec's `service " + vault + "`)");
                t.line(1, "var " + name + " secret " + SpecText.quote(k.name() + "/" + name) + " from " + vault + "  // placeholder: a secret value was here");
            } else if (SecretShapes.secretName(name)) {
                t.notImported(1, "substitution " + name + " = " + value + " (" + where + "): a secret-looking name with a substituted value");
            } else {
                t.line(1, "var " + name + " " + SpecText.quote(value));
            }
        }
    }

    /**
     * Each health check as the app's {@code health-check}: its kind, its namespace when it is not the app's (Flux
     * reads a check without one in the Kustomization's own namespace), its name, and its apiVersion when that is
     * not the one hlc writes for the kind. One the language cannot say (a kind hlc knows no apiVersion for and
     * the repository gives none, a name it cannot spell) stays a comment, counted on its own in the summary.
     */
    private static void healthChecks(SpecText t, FluxKustomization k, String appNs) {
        for (JsonNode h : k.doc().node().path("spec").path("healthChecks")) {
            String kind = h.path("kind").asText("?"), name = h.path("name").asText("?");
            String ns = h.path("namespace").asText(k.namespace());
            String api = h.path("apiVersion").asText(null);
            String known = hlc.resolve.HealthCheckKinds.known(kind);
            boolean sayable = SpecText.isName(kind) && (SpecText.isName(name) || DNS_NAME.matcher(name).matches())
                    && SpecText.isName(ns) && (api != null || known != null);
            if (!sayable) {
                t.healthCheck(1, kind + " " + ns + "/" + name + " (" + k.doc().where("healthChecks") + "): "
                        + (api == null && known == null ? "hlc knows no apiVersion for the kind and the repository gives none" : "a name the language cannot spell"));
                continue;
            }
            t.line(1, "health-check " + kind + " " + (ns.equals(appNs) ? "" : ns + "/") + name
                    + (api != null && !api.equals(known) ? " api " + SpecText.quote(api) : ""));
        }
    }

    /** {@code decryption sops [secret NAME]}; another provider, or a service account, stays a comment. */
    private static void decryption(SpecText t, FluxKustomization k, JsonNode d) {
        String provider = d.path("provider").asText("");
        String secret = d.at("/secretRef/name").asText(null);
        boolean sayable = provider.equals("sops") && (secret == null || SpecText.isName(secret))
                && d.size() == (d.has("secretRef") ? 2 : 1);
        if (sayable) t.line(1, "decryption sops" + (secret == null ? "" : " secret " + secret));
        else t.notImported(1, "spec.decryption (" + k.doc().where("decryption") + ")");
    }

    /**
     * The spec fields the app has no words for, as its {@code flux-spec}: written as they are (YAML anchors
     * resolved), checked against Flux's schema on arrival like any other.
     */
    private static void fluxSpec(SpecText t, FluxKustomization k, JsonNode raw) {
        String yaml;
        try {
            yaml = RAW_YAML.writeValueAsString(raw);
        } catch (java.io.IOException cannot) {
            raw.fieldNames().forEachRemaining(key -> t.notImported(1, "spec." + key + " (" + k.doc().where(key) + ")"));
            return;
        }
        if (yaml.contains("\"\"\"")) {
            raw.fieldNames().forEachRemaining(key -> t.notImported(1, "spec." + key + " (" + k.doc().where(key) + ")"));
            return;
        }
        t.comment(1, "from " + k.doc().where("spec"));
        t.line(1, "flux-spec \"\"\"");
        for (String l : yaml.split("\n")) t.line(2, l);
        t.line(2, "\"\"\"");
    }

    /**
     * Flux Kustomization spec fields that the app block has no word for and hlc writes nothing of, which the
     * import carries over raw (its {@code flux-spec}); the rest are read into words or kept as comments.
     */
    /** A Kubernetes name with dots (a CRD's), which the language spells as a DNS name. */
    private static final java.util.regex.Pattern DNS_NAME = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)+");
    static final Set<String> RAW = Set.of("buildMetadata", "commonMetadata", "deletionPolicy", "force",
            "healthCheckExprs", "ignore", "ignoreMissingComponents", "images", "kubeConfig", "namePrefix", "nameSuffix",
            "patches", "serviceAccountName", "suspend");
    private static final com.fasterxml.jackson.databind.ObjectMapper RAW_YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
                    .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private static List<String> extraSpecKeys(FluxKustomization k) {
        List<String> out = new ArrayList<>();
        k.doc().node().path("spec").fieldNames().forEachRemaining(f -> {
            if (!SPEC_READ.contains(f)) out.add(f);
        });
        k.doc().node().path("spec").path("postBuild").fieldNames().forEachRemaining(f -> {
            if (!f.equals("substitute") && !f.equals("substituteFrom")) out.add("postBuild." + f);
        });
        return out;
    }

    /** A repository path under kubernetes/components as the language names it, else null. */
    static String component(String repoPath) {
        if (!repoPath.startsWith(COMPONENTS)) return null;
        String rest = repoPath.substring(COMPONENTS.length());
        for (String seg : rest.split("/")) if (!SpecText.isName(seg)) return null;
        return rest;
    }

    Set<String> namespaces() {
        Set<String> s = new HashSet<>();
        apps.values().forEach(k -> s.add(appNamespace(k)));
        return s;
    }

    Map<String, FluxKustomization> apps() {
        return apps;
    }
}
