package hlc.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.YamlBlock;
import hlc.resolve.HealthCheckKinds;
import hlc.resolve.ResolvedSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fields of an app's Flux Kustomization beyond the common ones. A health check names a kind hlc knows the
 * apiVersion of, or gives it (HL130); Flux ignores health checks when {@code wait} is set, since it then waits for
 * everything the app applies (HL131); a health check said twice is said once too often (HL132). An app's
 * {@code flux-spec} is YAML that Flux's own Kustomization schema accepts as part of a spec (HL133, at the key
 * or value in the block), and sets no field that hlc writes from the app's words (HL134, at both places): the
 * spec says each thing once.
 */
public final class FluxKustomizationCheck implements Check {
    private static final PlacedYamlDocuments.Words WORDS = new PlacedYamlDocuments.Words("a Flux Kustomization has no field",
            "in its spec", "the block is checked against Flux's own Kustomization schema (kustomize.toolkit.fluxcd.io/v1); see Flux's Kustomization reference");

    @Override
    public List<Code> codes() {
        return List.of(Code.HL130, Code.HL131, Code.HL132, Code.HL133, Code.HL134);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (App a : ix.spec().apps()) {
            healthChecks(a, reporter);
            if (a.fluxSpec() != null) fluxSpec(a, ix.spec().cluster(), reporter);
        }
    }

    private static void healthChecks(App a, Reporter reporter) {
        Map<String, App.HealthCheck> seen = new HashMap<>();
        for (App.HealthCheck h : a.healthChecks()) {
            String api = HealthCheckKinds.apiVersion(h);
            if (api == null) {
                var d = reporter.error(Code.HL130, h.kind().span(), "hlc knows no apiVersion for a health check of kind `" + h.kind().text() + "`");
                d.suggestClosest(h.kind().span(), h.kind().text(), HealthCheckKinds.kinds());
                d.hint("give it after the name, e.g. `health-check " + h.kind().text() + " " + h.name().text()
                        + " api \"example.com/v1\"`; kinds hlc knows: " + String.join(", ", HealthCheckKinds.kinds())).emit();
                continue;
            }
            String ns = h.namespace() != null ? h.namespace().text() : a.namespace() == null ? "" : a.namespace().text();
            String key = api + " " + h.kind().text() + " " + ns + "/" + h.name().text();
            App.HealthCheck first = seen.putIfAbsent(key, h);
            if (first != null) {
                reporter.warning(Code.HL132, h.span(), "app `" + a.name().text() + "` checks " + h.kind().text() + " `" + ns + "/"
                                + h.name().text() + "` twice")
                        .label(first.span(), "first here")
                        .hint("remove one of them").emit();
            }
        }
        if (!a.healthChecks().isEmpty() && a.waitReady() != null && a.waitReady().value()) {
            reporter.warning(Code.HL131, a.healthChecks().get(0).span(), "Flux ignores the health checks of app `" + a.name().text()
                            + "`: with `wait` it waits for everything the app applies")
                    .label(a.waitReady().span(), "`wait` is set here")
                    .hint("keep `wait` and remove the health checks, or keep them and remove `wait` to wait for these alone").emit();
        }
    }

    private static void fluxSpec(App a, Cluster c, Reporter reporter) {
        YamlBlock block = a.fluxSpec();
        PlacedYamlDocuments.Parsed read = PlacedYamlDocuments.read(block, Code.HL133, "the flux-spec", reporter);
        if (read == null) return;
        if (read.documents().size() != 1 || !read.documents().get(0).isObject()) {
            Span where = read.documents().isEmpty() ? block.at() : PlacedYamlDocuments.place(block, read.nodes().get(0), "");
            reporter.error(Code.HL133, where, "a flux-spec is one map of Kustomization spec fields")
                    .hint("write the fields as they stand under `spec:`, e.g. `force: true`").emit();
            return;
        }
        JsonNode fields = read.documents().get(0);
        Map<String, Node> at = read.nodes().get(0);
        PlacedYamlDocuments.validate(block, at, fields, Schema.SPEC, Code.HL133, WORDS, reporter);
        for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Written w = written(key, a, c);
            if (w == null) continue;
            var d = reporter.error(Code.HL134, PlacedYamlDocuments.keyPlace(block, at, "/" + PlacedYamlDocuments.escape(key)),
                    "the flux-spec sets `spec." + key + "`, which hlc writes from " + w.word());
            if (w.at() != null) d.label(w.at(), "the spec states it here");
            d.hint("say it once: " + w.instead()).emit();
        }
    }

    /** Where the app's words say a spec field: the word, its place (null when hlc writes it by default) and what to do. */
    private record Written(String word, Span at, String instead) {}

    private static Written written(String key, App a, Cluster c) {
        return switch (key) {
            case "interval" -> word("`interval`", a.interval() == null ? null : a.interval().span(), "use the app's `interval`");
            case "timeout" -> word("`timeout`", a.timeout() == null ? null : a.timeout().span(), "use the app's `timeout`");
            case "retryInterval" -> word("`retry-interval`", a.retryInterval() == null ? null : a.retryInterval().span(), "use `retry-interval`");
            case "path" -> word("`path`", a.path() == null ? null : a.path().span(), "use the app's `path`");
            case "prune" -> word("`prune`", a.prune() == null ? null : a.prune().span(), "use `prune false`");
            case "wait" -> word("`wait`", a.waitReady() == null ? null : a.waitReady().span(), "use `wait`");
            case "healthChecks" -> word("`health-check`", a.healthChecks().isEmpty() ? null : a.healthChecks().get(0).span(), "use `health-check KIND NAME`");
            case "components" -> word("`components`", a.components().isEmpty() ? null : a.components().get(0).span(), "use the app's `components`");
            case "dependsOn" -> word("`depends`", a.depends().isEmpty() ? null : a.depends().get(0).span(), "use `depends`");
            case "decryption" -> word("`decryption`", a.decryption() != null ? a.decryption().span()
                    : c != null && c.flux() != null && c.flux().decryption() != null ? c.flux().decryption().span() : null, "use `decryption sops`");
            case "postBuild" -> word("`var` and `substitute-from`", null, "use `var` for a variable and `substitute-from` for a Secret or ConfigMap");
            case "sourceRef" -> word("the flux block (every app is applied from the flux-system GitRepository)", null, "the flux block's `repository` is the source");
            case "targetNamespace" -> word("`namespace` (the app's namespace is its target)", a.namespace() == null ? null : a.namespace().span(), "use the app's `namespace`");
            default -> null;
        };
    }

    private static Written word(String word, Span at, String instead) {
        String how = at == null ? word + " (hlc writes it for every app)" : word;
        return new Written(how, at, instead);
    }

    /** The spec part of Flux's own Kustomization schema (a shipped copy of the upstream strict one), read once. */
    private static final class Schema {
        static final JsonSchema SPEC = load();

        private static JsonSchema load() {
            try (InputStream in = FluxKustomizationCheck.class.getResourceAsStream("/schemas/flux-kustomization-upstream.schema.json")) {
                JsonNode root = new ObjectMapper().readTree(in);
                ObjectNode spec = ((ObjectNode) root.path("properties").path("spec")).deepCopy();
                spec.put("$schema", root.path("$schema").asText());
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(spec);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("cannot read the shipped Flux Kustomization schema", e);
            }
        }
    }
}
