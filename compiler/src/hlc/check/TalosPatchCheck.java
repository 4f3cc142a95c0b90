package hlc.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.TalosPatch;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.TalosSchemas;
import hlc.resolve.TalosShape;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's Talos config patches, checked as Talos would take them (HL122): YAML, and every document valid
 * against Talos's own schema of the pinned release ({@link TalosShape#machineSchema}, {@link TalosShape#kindSchema})
 * as far as a patch goes (a patch is a part of a config, so nothing is required
 * of it), each finding at the key or value in the patch, in the .hl file or the patch file. And a patch may add
 * to what the spec says but not contradict it (HL123): a hostname, install disk, API endpoint, cluster name,
 * pod or service subnets or an interface's addresses other than the spec's own are refused at both places.
 * Restating the spec's value is allowed: it changes nothing.
 */
public final class TalosPatchCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL122, Code.HL123);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null) return;
        TalosShape shape = TalosShape.nearest(c.talos());
        String release = c.talos() == null ? "v1.10" : "v" + c.talos().major() + "." + c.talos().minor();
        for (TalosPatch p : c.patches()) {
            Parsed parsed = parse(p, shape, c.talos(), release, reporter);
            if (parsed == null) continue;
            Set<String> said = new HashSet<>();
            for (Host h : ix.spec().hosts()) {
                String role = h.isControlPlane() ? "controlplane" : "worker";
                if (p.role() == null || p.role().text().equals(role)) conflicts(parsed, h, ix, reporter, said);
            }
        }
        for (Host h : ix.spec().hosts()) {
            for (TalosPatch p : h.patches()) {
                Parsed parsed = parse(p, shape, c.talos(), release, reporter);
                if (parsed != null) conflicts(parsed, h, ix, reporter, new HashSet<>());
            }
        }
    }

    /** A patch's documents, each as JSON with the YAML node of every value, keyed by JSON pointer. */
    private record Parsed(TalosPatch patch, List<JsonNode> documents, List<Map<String, Node>> nodes) {}

    private static Parsed parse(TalosPatch p, TalosShape shape, hlc.model.Version talos, String release, Reporter reporter) {
        PlacedYamlDocuments.Parsed read = PlacedYamlDocuments.read(p, Code.HL122, "the Talos patch", reporter);
        if (read == null) return null;
        List<JsonNode> docs = read.documents();
        List<Map<String, Node>> nodes = read.nodes();
        boolean valid = true;
        for (int i = 0; i < docs.size(); i++) {
            JsonNode d = docs.get(i);
            Map<String, Node> at = nodes.get(i);
            if (!d.isObject()) {
                reporter.error(Code.HL122, place(p, at, ""), "a Talos patch document is a map of config keys").emit();
                valid = false;
                continue;
            }
            JsonSchema schema = Schemas.forDocument(d, talos);
            if (schema == null) {
                reporter.error(Code.HL122, place(p, at, "/kind"), "Talos " + release + " has no config document of kind `"
                        + d.path("kind").asText() + "`").emit();
                valid = false;
                continue;
            }
            var words = new PlacedYamlDocuments.Words("Talos has no setting", "at the top of its config",
                    "the patch is checked against Talos's own config schema of the cluster's release ("
                            + Schemas.releaseOf(d.has("kind") ? shape.kindSchema(talos) : shape.machineSchema(talos))
                            + "); see the Talos configuration reference");
            valid &= PlacedYamlDocuments.validate(p, at, d, schema, Code.HL122, words, reporter);
        }
        return valid ? new Parsed(p, docs, nodes) : null;
    }

    // ------------------------------------------------------------------ what the spec states

    private static void conflicts(Parsed parsed, Host h, ResolvedSpec ix, Reporter reporter, Set<String> said) {
        Cluster c = ix.spec().cluster();
        for (int i = 0; i < parsed.documents().size(); i++) {
            JsonNode d = parsed.documents().get(i);
            Map<String, Node> at = parsed.nodes().get(i);
            if (d.has("kind")) {
                if (d.path("kind").asText().equals("HostnameConfig")) {
                    stated(parsed, at, "/hostname", h.name().text(), h.name().span(), "the host's name", reporter, said);
                }
                continue;
            }
            stated(parsed, at, "/machine/network/hostname", h.name().text(), h.name().span(), "the host's name", reporter, said);
            if (h.installDisk() != null) {
                stated(parsed, at, "/machine/install/disk", h.installDisk().value(), h.installDisk().span(), "the host's `install-disk`", reporter, said);
            }
            Span endpointAt = c.vip() != null ? c.vip().address().span() : c.endpoint() != null ? c.endpoint().span() : null;
            if (endpointAt != null) {
                stated(parsed, at, "/cluster/controlPlane/endpoint", ix.cluster().apiEndpoint().url(), endpointAt, "the cluster's API endpoint", reporter, said);
            }
            stated(parsed, at, "/cluster/clusterName", c.name().text(), c.name().span(), "the cluster's name", reporter, said);
            if (c.pods() != null) subnets(parsed, at, "/cluster/network/podSubnets", c.pods(), c.podsIpv6(), reporter, said);
            if (c.services() != null) subnets(parsed, at, "/cluster/network/serviceSubnets", c.services(), c.servicesIpv6(), reporter, said);
            JsonNode ifaces = d.at("/machine/network/interfaces");
            for (int k = 0; k < ifaces.size(); k++) {
                JsonNode item = ifaces.get(k);
                for (Host.Interface iface : h.interfaces()) {
                    if (iface.address() == null || !item.path("interface").asText("").equals(iface.name().text())) continue;
                    JsonNode addresses = item.path("addresses");
                    for (int a = 0; a < addresses.size(); a++) {
                        String given = addresses.get(a).asText().replaceFirst("/\\d+$", "");
                        if (given.equals(iface.address().value().toCanonicalString())) continue;
                        conflict(parsed, at, "/machine/network/interfaces/" + k + "/addresses/" + a, addresses.get(a).asText(),
                                iface.address().span(), "interface `" + iface.name().text() + "`'s address", reporter, said);
                    }
                }
            }
        }
    }

    private static void subnets(Parsed parsed, Map<String, Node> at, String pointer, hlc.model.Cidr first, hlc.model.Cidr second,
                                Reporter reporter, Set<String> said) {
        JsonNode given = parsed.documents().get(parsed.nodes().indexOf(at)).at(pointer);
        if (given.isMissingNode()) return;
        List<String> spec = new ArrayList<>(List.of(first.text()));
        if (second != null) spec.add(second.text());
        List<String> patch = new ArrayList<>();
        given.forEach(n -> patch.add(n.asText()));
        if (!patch.equals(spec)) conflict(parsed, at, pointer, String.join(", ", patch), first.span(), "the subnets the spec gives", reporter, said);
    }

    private static void stated(Parsed parsed, Map<String, Node> at, String pointer, String value, Span specAt, String what,
                               Reporter reporter, Set<String> said) {
        Node n = at.get(pointer);
        if (!(n instanceof ScalarNode s) || s.getValue().equals(value)) return;
        conflict(parsed, at, pointer, s.getValue(), specAt, what, reporter, said);
    }

    private static void conflict(Parsed parsed, Map<String, Node> at, String pointer, String given, Span specAt, String what,
                                 Reporter reporter, Set<String> said) {
        Span where = place(parsed.patch(), at, pointer);
        if (!said.add(where.toString() + " " + specAt)) return;
        reporter.error(Code.HL123, where, "the patch sets `" + dotted(pointer) + "` to `" + given + "`, which the spec states as "
                        + what)
                .label(specAt, "the spec states it here")
                .hint("say it once, in the spec: change the spec's value, or take the key out of the patch").emit();
    }

    // ------------------------------------------------------------------ places

    private static String dotted(String pointer) {
        return PlacedYamlDocuments.dotted(pointer);
    }

    private static Span place(TalosPatch p, Map<String, Node> at, String pointer) {
        return PlacedYamlDocuments.place(p, at, pointer);
    }

    /** Patch documents' schemas, each definition cut once ({@link TalosSchemas}) and compiled once. */
    private static final class Schemas {
        private static final Map<String, JsonSchema> BY_DEF = new java.util.concurrent.ConcurrentHashMap<>();

        /** "v1.10" for talos-config-v1.10: the release a shipped schema is of, for hints. */
        static String releaseOf(String schema) {
            return schema.substring(schema.lastIndexOf('-') + 1);
        }

        /** The schema a patch document is held to in its release ({@link TalosShape#documentSchema}), or null for a kind it does not have. */
        static JsonSchema forDocument(JsonNode doc, hlc.model.Version talos) {
            String name = TalosShape.documentSchema(talos, doc.has("kind") ? doc.path("kind").asText() : null);
            if (name == null) return null;
            return BY_DEF.computeIfAbsent(name, key -> {
                int hash = key.indexOf('#');
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(TalosSchemas.cut(key.substring(0, hash), key.substring(hash + 1)));
            });
        }
    }
}
