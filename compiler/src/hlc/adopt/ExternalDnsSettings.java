package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The external-dns instances of the Flux tree, read from their HelmRelease values, as {@code dns-provider} blocks:
 * the chart's own values ({@code provider}, {@code domainFilters}, {@code sources}, {@code txtPrefix},
 * {@code txtOwnerId}, {@code policy}) or, for an app-template release running the external-dns image, its
 * container's {@code --provider=}, {@code --domain-filter=}, {@code --source=}, {@code --txt-prefix=},
 * {@code --txt-owner-id=} and {@code --policy=} arguments. The provider becomes the service the block targets
 * ({@code service cloudflare { kind dns }}). A webhook provider (the UniFi webhook) writes to the controller its
 * {@code UNIFI_HOST} names: that becomes a device with that {@code controller} URL, which the block targets, and
 * the webhook's image its {@code webhook}. A webhook without that URL stays a comment, as does every other
 * setting of the values.
 */
final class ExternalDnsSettings {
    private static final Set<String> POLICIES = Set.of("sync", "upsert-only", "create-only");
    /** The values keys read into the block (the rest are named in a comment). */
    private static final Set<String> READ = Set.of("provider", "domainFilters", "sources", "txtPrefix", "txtOwnerId", "policy");
    /** Values keys that say how the chart runs, not what it writes: not worth a comment each. */
    private static final Set<String> RUNTIME = Set.of("fullnameOverride", "env", "serviceMonitor", "podAnnotations",
            "resources", "securityContext", "podSecurityContext", "image", "serviceAccount", "rbac", "logLevel", "logFormat",
            "deploymentStrategy");

    /**
     * One instance: the block's lines, and what it keeps as comments. It targets a service (a provider by name) or,
     * for a webhook, a device: the controller the webhook writes to.
     */
    record Provider(String name, String service, WebhookTarget device, List<String> lines, List<String> unsaid) {}

    /** The device a webhook writes to: its name in the spec and the controller URL the webhook is given. */
    record WebhookTarget(String name, String controller) {}

    final List<Provider> providers = new ArrayList<>();
    /** Instances the language cannot say (a webhook provider, no provider), each a comment of the root file. */
    final List<String> unsaid = new ArrayList<>();

    ExternalDnsSettings(FluxTree tree) {
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            if (!n.path("kind").asText().equals("HelmRelease")) continue;
            String name = n.at("/metadata/name").asText("");
            JsonNode values = n.at("/spec/values");
            if (isChart(n) && values.has("provider")) fromValues(d, name, values);
            else {
                List<String> args = externalDnsArgs(values);
                if (args != null) fromArgs(d, name, args, sidecarWebhook(values));
            }
        }
    }

    /**
     * The external-dns chart: by its chart or OCIRepository name or the release's, or by values only that chart
     * takes ({@code provider} beside {@code sources}, {@code domainFilters}, {@code txtOwnerId} or {@code txtPrefix}:
     * onedr0p's {@code cloudflare-dns}, bjw-s's {@code externaldns-ovh}).
     */
    static boolean isChart(JsonNode hr) {
        String chart = hr.at("/spec/chart/spec/chart").asText(hr.at("/spec/chartRef/name").asText(""))
                + " " + hr.at("/metadata/name").asText("");
        JsonNode v = hr.at("/spec/values");
        boolean looksLikeIt = v.has("sources") || v.has("domainFilters") || v.has("txtOwnerId") || v.has("txtPrefix");
        return chart.contains("external-dns") || chart.contains("externaldns") || looksLikeIt;
    }

    /** The arguments of an app-template container running registry.k8s.io/external-dns/external-dns, or null. */
    static List<String> externalDnsArgs(JsonNode values) {
        for (JsonNode controller : values.path("controllers")) {
            for (JsonNode container : controller.path("containers")) {
                if (!container.at("/image/repository").asText("").endsWith("external-dns/external-dns")) continue;
                List<String> args = new ArrayList<>();
                container.path("args").forEach(a -> args.add(a.asText()));
                return args;
            }
        }
        return null;
    }

    /**
     * The webhook an app-template release runs beside external-dns (a container or init container whose image is a
     * webhook, as buroa's UniFi one): its image and tag, and the {@code UNIFI_HOST} of its env (a map or a list);
     * null when there is none.
     */
    static String[] sidecarWebhook(JsonNode values) {
        for (JsonNode controller : values.path("controllers")) {
            for (String group : List.of("initContainers", "containers")) {
                for (JsonNode container : controller.path(group)) {
                    String repo = container.at("/image/repository").asText("");
                    if (!repo.contains("webhook")) continue;
                    String tag = container.at("/image/tag").asText(null);
                    return new String[]{tag == null ? repo : repo + " " + tag, unifiHost(container.path("env"))};
                }
            }
        }
        return null;
    }

    /** The {@code UNIFI_HOST} of a container's env, written as a list of name/value pairs or as a map; or null. */
    static String unifiHost(JsonNode env) {
        if (env.path("UNIFI_HOST").isTextual()) return env.path("UNIFI_HOST").asText();
        for (JsonNode e : env) {
            if (e.path("name").asText().equals("UNIFI_HOST") && e.path("value").isTextual()) return e.path("value").asText();
        }
        return null;
    }

    private void fromValues(YamlDoc d, String name, JsonNode values) {
        JsonNode p = values.path("provider");
        String provider = p.isTextual() ? p.asText() : p.path("name").asText(null);
        List<String> domains = texts(values.path("domainFilters"));
        List<String> sources = texts(values.path("sources"));
        List<String> others = new ArrayList<>();
        values.fieldNames().forEachRemaining(k -> { if (!READ.contains(k) && !RUNTIME.contains(k)) others.add(k); });
        // hlc's values sync on events (triggerLoopOnEvent true): said as the repository says it, not a comment
        if (values.path("triggerLoopOnEvent").asBoolean(false)) others.remove("triggerLoopOnEvent");
        String webhook = p.at("/webhook/image/repository").asText(null);
        String tag = p.at("/webhook/image/tag").asText(null);
        if (webhook != null && tag != null) webhook = webhook + " " + tag;
        String controller = unifiHost(p.at("/webhook/env"));
        add(d, name, provider, webhook, controller, domains, sources, values.path("txtPrefix").asText(null),
                values.path("txtOwnerId").asText(null), values.path("policy").asText(null),
                others.isEmpty() ? List.of() : List.of("values " + String.join(", ", others) + " (" + d.where("values") + ")"));
    }

    private void fromArgs(YamlDoc d, String name, List<String> args, String[] sidecar) {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (Set.of("--provider", "--domain-filter", "--source", "--txt-prefix", "--txt-owner-id", "--policy").contains(key) && eq > 0) {
                flags.computeIfAbsent(key, k -> new ArrayList<>()).add(a.substring(eq + 1));
            } else if (!Set.of("--registry=txt", "--log-format=text", "--log-level=info", "--events", "--interval=1m").contains(a)) {
                others.add(a);
            }
        }
        String provider = first(flags, "--provider");
        boolean webhook = "webhook".equals(provider) && sidecar != null;
        add(d, name, provider, webhook ? sidecar[0] : null, webhook ? sidecar[1] : null, flags.getOrDefault("--domain-filter", List.of()),
                flags.getOrDefault("--source", List.of()), first(flags, "--txt-prefix"), first(flags, "--txt-owner-id"),
                first(flags, "--policy"), others.isEmpty() ? List.of() : List.of("arguments " + String.join(" ", others) + " (" + d.where("args") + ")"));
    }

    private void add(YamlDoc d, String name, String provider, String webhook, String controller, List<String> domains,
                     List<String> sources, String txtPrefix, String owner, String policy, List<String> others) {
        String where = d.file().displayPath() + ":" + d.firstLine();
        if (!SpecText.isName(name)) {
            unsaid.add("external-dns " + name + " (" + where + "): not a name the language can spell");
            return;
        }
        WebhookTarget device = null;
        List<String> lines = new ArrayList<>(), notes = new ArrayList<>(others);
        if (webhook != null && controller != null && controller.matches("https?://[^\\s\"]+")) {
            // the UniFi webhook's image is named for what it writes to; another webhook's device is named for its release
            device = new WebhookTarget(webhook.contains("unifi") ? "unifi" : name + "-target", controller);
            lines.add("target " + device.name());
            lines.add("webhook " + SpecText.quote(webhook));
            notes.add("the webhook's other env (" + d.where("env") + "): its credentials come from the release's own Secret");
        } else if (provider == null || provider.equals("webhook") || webhook != null || !SpecText.isName(provider)) {
            unsaid.add("external-dns " + name + " (" + where + "): provider " + (webhook != null ? "webhook " + webhook : provider)
                    + " writes to a device the repository does not describe; declare it, then `dns-provider " + name
                    + " { target DEVICE  webhook \"…\" }`");
            return;
        } else {
            lines.add("target " + provider);
        }
        List<String> ds = new ArrayList<>();
        for (String dom : new LinkedHashSet<>(domains)) {
            if (dom.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) ds.add(dom);
            else if (dom.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}")) ds.add(SpecText.quote(dom));
            else notes.add("domain filter " + dom + " (" + d.where(dom) + ")");
        }
        if (!ds.isEmpty()) lines.add("domains [" + String.join(", ", ds) + "]");
        List<String> ss = sources.stream().filter(SpecText::isName).toList();
        if (!ss.isEmpty()) lines.add("sources [" + String.join(", ", ss) + "]");
        sources.stream().filter(s -> !SpecText.isName(s)).forEach(s -> notes.add("source " + s + " (" + d.where(s) + ")"));
        if (txtPrefix != null) lines.add("txt-prefix " + SpecText.quote(txtPrefix));
        if (owner != null && SpecText.isName(owner)) lines.add("owner " + owner);
        else if (owner != null) notes.add("txt owner id " + owner + " (" + d.where(owner) + ")");
        if (policy != null && POLICIES.contains(policy)) lines.add("policy " + policy);
        else if (policy != null) notes.add("policy " + policy + " (" + d.where(policy) + ")");
        providers.add(new Provider(name, device == null ? provider : null, device, lines, notes));
    }

    private static String first(Map<String, List<String>> flags, String key) {
        List<String> v = flags.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isTextual()) out.add(array.asText());
        array.forEach(x -> { if (x.isTextual()) out.add(x.asText()); });
        return out;
    }

    /** The services the providers target (one each) and the {@code dns-provider} blocks, in the order read. */
    void write(SpecText t, Set<String> takenServices) {
        Set<String> services = new LinkedHashSet<>();
        Set<String> devices = new LinkedHashSet<>();
        for (Provider p : providers) {
            if (p.device() == null || !devices.add(p.device().name())) continue;
            t.blank();
            t.comment(0, "The controller external-dns " + p.name() + "'s webhook writes to (its UNIFI_HOST).");
            t.line(0, "device " + p.device().name() + " {");
            t.line(1, "kind gateway");
            t.line(1, "controller " + SpecText.quote(p.device().controller()));
            t.line(0, "}");
        }
        for (Provider p : providers) {
            if (p.service() == null || takenServices.contains(p.service()) || !services.add(p.service())) continue;
            t.blank();
            t.line(0, "service " + p.service() + " {");
            t.line(1, "kind dns");
            t.line(1, "purpose " + SpecText.quote("the DNS provider external-dns writes records to"));
            t.line(0, "}");
        }
        for (Provider p : providers) {
            t.blank();
            t.comment(0, "From the HelmRelease values of external-dns " + p.name() + ".");
            t.line(0, "dns-provider " + p.name() + " {");
            for (String l : p.lines()) t.line(1, l);
            for (String u : p.unsaid()) t.notImported(1, u);
            t.line(0, "}");
        }
        if (!unsaid.isEmpty()) t.blank();
        for (String u : unsaid) t.notImported(0, u);
    }
}
