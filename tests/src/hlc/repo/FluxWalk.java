package hlc.repo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Flux does with a repository, from the sync path down, with the real kustomize ({@code kubectl kustomize}):
 * build the sync folder, read every Flux Kustomization the build yields, build its {@code path} (from the
 * repository's root, with its {@code spec.components} added as kustomize-controller adds them), substitute its
 * {@code postBuild} variables from what it names (an unset {@code ${VAR}} is a failure: Flux would apply an empty
 * string, or the literal text where there is no postBuild), and go on with the Kustomizations that build yields.
 * At the end every {@code dependsOn} must name a Kustomization the walk found.
 *
 * <p>A ConfigMap's variables are its data; a Secret's are the keys hlc says it has: those the spec lists for the
 * cluster's {@code substitute-from} Secret, and those of the ExternalSecret that makes an app's Secret.
 */
final class FluxWalk {
    /** Flux's variable syntax: ${NAME}, optionally with a default (${NAME:=x}, ${NAME:-x}, ${NAME=x}, ${NAME-x}). */
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-=]([^}]*))?}");
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory());

    private final Path repo;
    private final Map<String, Set<String>> secretKeys = new HashMap<>();
    private final Map<String, Map<String, String>> configMaps = new HashMap<>();
    final List<String> failures = new ArrayList<>();
    /** Every Kustomization found, by namespace/name. */
    final Map<String, JsonNode> kustomizations = new LinkedHashMap<>();
    /** Every object some build yielded, as kind/name. */
    final Set<String> applied = new TreeSet<>();
    /** Every folder built, from the repository's root. */
    final Set<String> built = new TreeSet<>();

    /** Folders of hlc's output start with this; the others are the test's stand-ins for a user's manifests. */
    private String output = "";

    FluxWalk(Path repo, String clusterSecret, List<String> clusterSecretVariables) {
        this.repo = repo;
        if (clusterSecret != null) secretKeys.put(clusterSecret, new TreeSet<>(clusterSecretVariables));
    }

    /**
     * Builds only hlc's folders (under {@code folder}) and those that get components with kustomize; the test's
     * own stand-in folders of app manifests are read as they are (a kustomization.yaml listing plain files), which
     * keeps a walk over 133 apps to a few seconds.
     */
    FluxWalk output(String folder) {
        this.output = String.join("/", hlc.emit.RepositoryPaths.segments(folder)) + "/";
        return this;
    }

    /** Walks from the sync path, as Flux's own Kustomization (flux-system, no postBuild) applies it. */
    FluxWalk from(String syncPath) throws IOException, InterruptedException {
        record Step(String who, String namespace, JsonNode spec) {}
        Deque<Step> queue = new ArrayDeque<>();
        queue.add(new Step("flux-system/flux-system (the sync path)", "flux-system",
                YAML.createObjectNode().put("path", syncPath)));
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            String path = s.spec().path("path").asText();
            String rel = String.join("/", hlc.emit.RepositoryPaths.segments(path));
            Path dir = repo.resolve(rel).normalize();
            if (!dir.startsWith(repo) || !Files.isRegularFile(dir.resolve("kustomization.yaml"))) {
                failures.add(s.who() + ": path " + path + " is no folder with a kustomization.yaml in the repository");
                continue;
            }
            addComponents(dir, s.spec().path("components"));
            boolean standIn = !output.isEmpty() && !(rel + "/").startsWith(output) && !s.spec().path("components").isArray();
            Kubectl.Result build = standIn ? standIn(dir) : Kubectl.kustomize(dir);
            built.add(rel);
            if (build.exit() != 0) {
                failures.add(s.who() + ": kubectl kustomize " + path + " failed: " + build.err().strip());
                continue;
            }
            String yaml = substitute(s.who(), build.out(), variables(s.who(), s.namespace(), s.spec().path("postBuild")),
                    s.spec().has("postBuild"));
            for (JsonNode doc : docs(yaml)) {
                String kind = doc.path("kind").asText();
                String name = doc.at("/metadata/name").asText();
                String ns = doc.at("/metadata/namespace").asText("");
                applied.add(kind + "/" + name);
                if (kind.equals("ConfigMap")) {
                    Map<String, String> data = new HashMap<>();
                    doc.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
                    configMaps.put(ns + "/" + name, data);
                } else if (kind.equals("ExternalSecret")) {
                    Set<String> keys = new TreeSet<>();
                    doc.at("/spec/data").forEach(d -> keys.add(d.path("secretKey").asText()));
                    String target = doc.at("/spec/target/name").asText(name);
                    secretKeys.put(ns + "/" + target, keys);
                } else if (kind.equals("Kustomization") && doc.path("apiVersion").asText().startsWith("kustomize.toolkit.fluxcd.io/")) {
                    String key = ns + "/" + name;
                    if (kustomizations.put(key, doc) != null) failures.add("two Kustomizations " + key);
                    queue.add(new Step("Kustomization " + key, ns, doc.path("spec")));
                }
            }
        }
        for (var e : kustomizations.entrySet()) {
            String ns = e.getKey().substring(0, e.getKey().indexOf('/'));
            for (JsonNode d : e.getValue().at("/spec/dependsOn")) {
                String target = d.path("namespace").asText(ns) + "/" + d.path("name").asText();
                if (!kustomizations.containsKey(target)) {
                    failures.add("Kustomization " + e.getKey() + " depends on " + target + ", which the walk did not find");
                }
            }
        }
        return this;
    }

    private static Kubectl.Result standIn(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        for (JsonNode r : YAML.readTree(dir.resolve("kustomization.yaml").toFile()).path("resources")) {
            out.append("---\n").append(read(dir.resolve(r.asText())));
        }
        return new Kubectl.Result(0, out.toString(), "");
    }

    /** kustomize-controller adds spec.components to the kustomization.yaml at the path before it builds. */
    private static void addComponents(Path dir, JsonNode components) throws IOException {
        if (!components.isArray() || components.isEmpty()) return;
        Path k = dir.resolve("kustomization.yaml");
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) YAML.readTree(k.toFile());
        var list = tree.withArray("components");
        components.forEach(list::add);
        Files.writeString(k, YAML.writeValueAsString(tree));
    }

    /** The variables a Kustomization's postBuild makes available, in Flux's order (later sources win). */
    private Map<String, String> variables(String who, String namespace, JsonNode postBuild) {
        Map<String, String> vars = new HashMap<>();
        for (JsonNode from : postBuild.path("substituteFrom")) {
            String key = namespace + "/" + from.path("name").asText();
            boolean optional = from.path("optional").asBoolean(false);
            if (from.path("kind").asText().equals("ConfigMap")) {
                Map<String, String> data = configMaps.get(key);
                if (data == null && !optional) failures.add(who + ": substitutes from ConfigMap " + key + ", which nothing applies");
                if (data != null) vars.putAll(data);
            } else {
                Set<String> keys = secretKeys.get(key);
                if (keys == null) keys = secretKeys.get(from.path("name").asText()); // the cluster Secret: in every namespace
                if (keys == null && !optional) failures.add(who + ": substitutes from Secret " + key + ", which nothing makes");
                if (keys != null) keys.forEach(k -> vars.put(k, "<secret " + k + ">"));
            }
        }
        postBuild.path("substitute").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
        return vars;
    }

    private String substitute(String who, String yaml, Map<String, String> vars, boolean hasPostBuild) {
        Matcher m = VAR.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null && m.group(2) != null) value = m.group(3);
            if (value == null || !hasPostBuild) {
                failures.add(who + ": ${" + m.group(1) + "} " + (hasPostBuild ? "is set by nothing it substitutes from"
                        : "is left as text: the Kustomization has no postBuild"));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static List<JsonNode> docs(String yaml) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isEmpty()) out.add(n);
            }
        }
        return out;
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
