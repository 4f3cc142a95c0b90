package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hlc.Compiler;
import hlc.emit.dns.DnsProviderEmitter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * external-dns's side of the round trip: what each instance's HelmRelease says it does (the chart's values, or the
 * arguments of an app-template container running the external-dns image, as buroa's), against the same facts of
 * the values {@code hlc compile} writes for its {@code dns-provider} (the {@code <name>-values} ConfigMap). One
 * fact a line, the same whichever form it was read from: {@code external-dns unifi-dns provider webhook},
 * {@code external-dns unifi-dns domainFilter turbo.ac}, {@code external-dns cloudflare-dns arg --cloudflare-proxied}.
 * A setting left unsaid is its default (the chart's for chart values, external-dns's own for arguments), so a
 * default written out and one left unsaid are the same fact.
 */
final class ExternalDnsRoundTrip {
    private ExternalDnsRoundTrip() {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Arguments that say how external-dns logs, not what it writes. */
    private static final Set<String> LOGGING = Set.of("--log-format", "--log-level");
    /** external-dns's own defaults for the DNSEndpoint source: writing them out changes nothing. */
    private static final Set<String> DEFAULT_ARGS = Set.of("--crd-source-apiversion=externaldns.k8s.io/v1alpha1", "--crd-source-kind=DNSEndpoint");

    /** The facts of every external-dns instance of the tree. */
    static TreeSet<String> repositoryFacts(FluxTree tree) {
        TreeSet<String> f = new TreeSet<>();
        for (YamlDoc d : tree.manifests()) {
            JsonNode n = d.node();
            if (!n.path("kind").asText().equals("HelmRelease")) continue;
            String name = n.at("/metadata/name").asText("");
            JsonNode values = n.at("/spec/values");
            if (ExternalDnsSettings.isChart(n) && values.has("provider")) chartValues(f, name, values);
            else {
                List<String> args = ExternalDnsSettings.externalDnsArgs(values);
                if (args != null) arguments(f, name, args, ExternalDnsSettings.sidecarWebhook(values));
            }
        }
        return f;
    }

    /** The same facts of the values hlc writes for each {@code dns-provider}. */
    static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> f = new TreeSet<>();
        if (checked.resolved() == null) return f;
        for (EmittedDocuments.Document doc : EmittedDocuments.of(checked.resolved(), rootSpec, List.of(new DnsProviderEmitter()))) {
            JsonNode d = doc.node();
            String name = d.at("/metadata/name").asText();
            if (!d.path("kind").asText().equals("ConfigMap") || !name.endsWith("-values")) continue;
            String release = name.substring(0, name.length() - "-values".length());
            try {
                chartValues(f, release, YAML.readTree(d.at("/data/values.yaml").asText()));
            } catch (IOException e) {
                f.add("external-dns " + release + " values unreadable");
            }
        }
        return f;
    }

    /** The chart's values; unsaid ones are the chart's defaults (policy upsert-only, sources service and ingress). */
    private static void chartValues(TreeSet<String> f, String name, JsonNode v) {
        String k = "external-dns " + name + " ";
        JsonNode p = v.path("provider");
        f.add(k + "provider " + (p.isTextual() ? p.asText() : p.path("name").asText("aws")));
        JsonNode hook = p.path("webhook");
        if (hook.at("/image/repository").isTextual()) {
            f.add(k + "webhook image " + hook.at("/image/repository").asText() + ":" + hook.at("/image/tag").asText("(chart default)"));
        }
        String host = ExternalDnsSettings.unifiHost(hook.path("env"));
        if (host != null) f.add(k + "webhook UNIFI_HOST " + host);
        for (JsonNode a : hook.path("extraArgs")) f.add(k + "webhook arg " + a.asText());
        for (JsonNode dom : v.path("domainFilters")) f.add(k + "domainFilter " + dom.asText());
        JsonNode sources = v.has("sources") ? v.path("sources") : YAML.createArrayNode().add("service").add("ingress");
        for (JsonNode s : sources) f.add(k + "source " + s.asText());
        if (v.path("txtPrefix").isTextual()) f.add(k + "txtPrefix " + v.path("txtPrefix").asText());
        if (v.path("txtSuffix").isTextual()) f.add(k + "txtSuffix " + v.path("txtSuffix").asText());
        f.add(k + "txtOwnerId " + v.path("txtOwnerId").asText("default"));
        f.add(k + "policy " + v.path("policy").asText("upsert-only"));
        f.add(k + "registry " + v.path("registry").asText("txt"));
        f.add(k + "interval " + v.path("interval").asText("1m"));
        f.add(k + "events " + v.path("triggerLoopOnEvent").asBoolean(false));
        for (JsonNode a : v.path("extraArgs")) if (!DEFAULT_ARGS.contains(a.asText())) f.add(k + "arg " + a.asText());
    }

    /** An external-dns container's arguments; unsaid ones are external-dns's defaults (policy sync). */
    private static void arguments(TreeSet<String> f, String name, List<String> args, String[] sidecar) {
        String k = "external-dns " + name + " ";
        String policy = "sync", owner = "default", registry = "txt", interval = "1m";
        boolean events = false;
        List<String> sources = new ArrayList<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq), value = eq < 0 ? "" : a.substring(eq + 1);
            switch (key) {
                case "--provider" -> f.add(k + "provider " + value);
                case "--domain-filter" -> f.add(k + "domainFilter " + value);
                case "--source" -> sources.add(value);
                case "--txt-prefix" -> f.add(k + "txtPrefix " + value);
                case "--txt-suffix" -> f.add(k + "txtSuffix " + value);
                case "--txt-owner-id" -> owner = value;
                case "--policy" -> policy = value;
                case "--registry" -> registry = value;
                case "--interval" -> interval = value;
                case "--events" -> events = true;
                default -> {
                    if (!LOGGING.contains(key) && !DEFAULT_ARGS.contains(a)) f.add(k + "arg " + a);
                }
            }
        }
        for (String s : sources) f.add(k + "source " + s);
        f.add(k + "txtOwnerId " + owner);
        f.add(k + "policy " + policy);
        f.add(k + "registry " + registry);
        f.add(k + "interval " + interval);
        f.add(k + "events " + events);
        if (sidecar != null && args.contains("--provider=webhook")) {
            String[] image = sidecar[0].split(" ", 2);
            f.add(k + "webhook image " + image[0] + ":" + (image.length > 1 ? image[1] : "(chart default)"));
            if (sidecar[1] != null) f.add(k + "webhook UNIFI_HOST " + sidecar[1]);
        }
    }
}
