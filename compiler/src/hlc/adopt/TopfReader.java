package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * topf's Talos configuration (cluster-template since July 2026): {@code topf.yaml} names the cluster, its
 * endpoint, versions and nodes (host, IP, role, schematic, free-form {@code data}), and the patch folders beside
 * it are applied to each node in order: {@code all/}, then its role's ({@code control-plane/} or
 * {@code worker/}), then its own ({@code HOST/}), each folder's files by name. A {@code .tpl} patch is a Go
 * template rendered for the node ({@code {{ .Node.Data.macAddr }}}). The result is read by
 * {@link MachineConfigFacts} like every other form; a link alias selected by MAC address
 * ({@code glob("aa:bb:…", mac(link.hardware_addr))}) gives that link its hardware address.
 */
final class TopfReader {
    private static final Pattern MAC_GLOB = Pattern.compile("glob\\(\"([^\"*?\\[]+)\",\\s*mac\\(link\\.hardware_addr\\)\\)");
    private final RepositoryReader repo;

    TopfReader(RepositoryReader repo) {
        this.repo = repo;
    }

    Optional<Path> find() {
        for (String c : List.of("talos/topf.yaml", "kubernetes/talos/topf.yaml")) {
            Path p = repo.root().resolve(c);
            if (Files.isRegularFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    TalosCluster read(Path topf) {
        TalosCluster cluster = new TalosCluster();
        cluster.source = repo.relative(topf);
        List<YamlDoc> docs = repo.read(topf, null).orElse(List.of());
        if (docs.isEmpty()) return cluster;
        YamlDoc doc = docs.get(0);
        JsonNode t = doc.node();
        cluster.docs.add(doc);
        cluster.name = t.path("clusterName").asText(null);
        cluster.talosVersion = t.path("talosVersion").asText(null);
        cluster.kubernetesVersion = t.path("kubernetesVersion").asText(null);
        Path dir = topf.getParent();
        for (JsonNode n : t.path("nodes")) {
            TalosNode node = new TalosNode();
            node.hostname = n.path("host").asText(null);
            node.role = n.path("role").asText("").equals("worker") ? "worker" : "controlplane";
            node.source = doc.file().displayPath() + ":" + doc.spanOf("host: \"" + node.hostname + "\"").line();
            ObjectNode view = MachineConfigFacts.object();
            view.put("Host", node.hostname);
            view.put("IP", n.path("ip").asText(""));
            view.put("Role", n.path("role").asText(""));
            view.put("SchematicID", n.path("schematicId").asText(""));
            view.set("Data", n.path("data").isObject() ? n.path("data") : MachineConfigFacts.object());
            ObjectNode base = MachineConfigFacts.object();
            ObjectNode machine = base.putObject("machine");
            machine.put("type", node.role);
            ObjectNode c = base.putObject("cluster");
            if (cluster.name != null) c.put("clusterName", cluster.name);
            if (t.path("clusterEndpoint").isTextual()) c.putObject("controlPlane").put("endpoint", t.path("clusterEndpoint").asText());
            List<JsonNode> config = new ArrayList<>(List.of(base));
            List<YamlDoc> read = new ArrayList<>();
            for (String folder : List.of("all", n.path("role").asText("control-plane"), node.hostname)) {
                for (Path p : patches(dir.resolve(folder))) {
                    List<YamlDoc> patch = render(p, view, node);
                    read.addAll(patch);
                    config = MachineConfigFacts.patch(config, patch.stream().map(YamlDoc::node).toList());
                }
            }
            read.add(doc);
            new MachineConfigFacts(read).read(config, node, cluster);
            macAliases(config, node);
            if (!n.path("schematicId").asText("").isEmpty()) {
                node.unsaid.add("Image Factory schematic " + n.path("schematicId").asText() + (n.path("secureboot").asBoolean(false) ? " (SecureBoot installer)" : "")
                        + " (" + doc.file().displayPath() + ":" + doc.spanOf(n.path("schematicId").asText()).line() + "): hlc computes the schematic from `extensions`");
            }
            node.docs.addAll(read);
            cluster.nodes.add(node);
        }
        return cluster;
    }

    /** A link alias chosen by MAC address: the link's hardware address, instead of a note that it was not read. */
    private static void macAliases(List<JsonNode> config, TalosNode node) {
        for (JsonNode d : config) {
            if (!d.path("kind").asText().equals("LinkAliasConfig")) continue;
            Matcher m = MAC_GLOB.matcher(d.at("/selector/match").asText(""));
            if (!m.find()) continue;
            String name = d.path("name").asText();
            TalosNode.Link l = node.links.get(name);
            if (l == null) continue;
            l.hardwareAddr = m.group(1).toLowerCase();
            node.unsaid.removeIf(u -> u.startsWith("link alias " + name + " selected by "));
        }
    }

    private List<YamlDoc> render(Path file, JsonNode view, TalosNode node) {
        GoTemplateLines go = new GoTemplateLines(view);
        boolean template = file.getFileName().toString().endsWith(".tpl");
        List<YamlDoc> docs = repo.read(file, null, text -> template ? go.render(text) : text).orElse(List.of());
        for (String u : go.unresolved()) {
            String note = "template action " + u + " not evaluated (" + repo.relative(file) + ")";
            if (!node.unsaid.contains(note)) node.unsaid.add(note);
        }
        return docs;
    }

    private static List<Path> patches(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yaml.tpl")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
