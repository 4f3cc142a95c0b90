package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The form most home-ops repositories moved to in 2026: a (mini)jinja machine-config template for all nodes
 * ({@code machineconfig.yaml.j2}, or {@code cluster.yaml.j2} plus {@code controlplane.yaml.j2}/{@code worker.yaml.j2}),
 * one patch per node under {@code nodes/} combined by {@code talosctl machineconfig patch}, and an Image Factory
 * schematic template. Each node's template is rendered for its role ({@code ENV.CONTROLPLANE}/{@code ENV.WORKER}),
 * its patch applied, and the result read by {@link MachineConfigFacts}. Secret-manager references
 * ({@code ak://}, {@code op://}) are recorded as references, never resolved.
 */
final class TalosTemplateReader {
    private final RepositoryReader repo;

    TalosTemplateReader(RepositoryReader repo) {
        this.repo = repo;
    }

    /** The Talos folder of this form: one with a {@code nodes} folder of templates. */
    Optional<Path> find() {
        for (String c : List.of("kubernetes/talos", "talos")) {
            Path p = repo.root().resolve(c);
            if (Files.isDirectory(p.resolve("nodes"))) return Optional.of(p);
        }
        return Optional.empty();
    }

    TalosCluster read(Path dir) {
        TalosCluster cluster = new TalosCluster();
        cluster.source = repo.relative(dir);
        Map<String, String> defines = versions(dir);
        List<Path> nodeFiles = files(dir.resolve("nodes")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".yaml.j2") && !p.getFileName().toString().startsWith("schematic"))
                .toList();
        for (Path nodeFile : nodeFiles) {
            TalosNode node = new TalosNode();
            node.source = repo.relative(nodeFile);
            String folder = nodeFile.getParent().getFileName().toString();
            Map<String, String> vars = new LinkedHashMap<>(defines);
            vars.put("SCHEMATIC", "SCHEMATIC");
            vars.put("schematic", "SCHEMATIC");
            List<YamlDoc> overlay = render(nodeFile, vars, node);
            String role = folder.equals("worker") || folder.equals("controlplane") ? folder : null;
            for (YamlDoc d : overlay) {
                if (d.node().at("/machine/type").isTextual()) role = d.node().at("/machine/type").asText();
            }
            if (role == null) role = "controlplane";
            vars.put(role.equals("worker") ? "WORKER" : "CONTROLPLANE", "true");
            vars.put("role", role);
            overlay = render(nodeFile, vars, node);
            List<YamlDoc> base = new ArrayList<>();
            for (String b : List.of("machineconfig.yaml.j2", "cluster.yaml.j2", role + ".yaml.j2")) {
                Path f = dir.resolve(b);
                if (Files.isRegularFile(f)) base.addAll(render(f, vars, node));
            }
            for (Path f : shared(dir)) {
                base.addAll(render(f, vars, node));
                String note = repo.relative(f) + " is read as a patch of every node: it names no role or node, and the task runner that combines the templates is not in the repository";
                if (!cluster.notes.contains(note)) cluster.notes.add(note);
            }
            List<JsonNode> merged = MachineConfigFacts.patch(nodes(base), nodes(overlay));
            List<YamlDoc> all = new ArrayList<>(overlay);
            all.addAll(base);
            node.role = role;
            new MachineConfigFacts(all).read(merged, node, cluster);
            if (node.hostname == null) node.hostname = nodeFile.getFileName().toString().replace(".yaml.j2", "");
            schematic(dir, vars, node);
            if (cluster.talosVersion == null) cluster.talosVersion = MachineConfigFacts.tag(node.installImage);
            if (cluster.kubernetesVersion == null) cluster.kubernetesVersion = MachineConfigFacts.tag(node.kubeletImage);
            cluster.nodes.add(node);
            for (YamlDoc d : node.docs) if (!cluster.docs.contains(d)) cluster.docs.add(d);
        }
        if (cluster.talosVersion == null) cluster.talosVersion = defines.get("talos_version");
        if (cluster.kubernetesVersion == null) cluster.kubernetesVersion = defines.get("k8s_version");
        return cluster;
    }

    /** {@code version.yaml} (bjw-s): the versions the templates get as {@code -D} definitions. */
    private Map<String, String> versions(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        Path v = dir.resolve("version.yaml");
        if (Files.isRegularFile(v)) {
            repo.read(v, null).ifPresent(docs -> docs.forEach(d -> d.node().fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()))));
        }
        return out;
    }

    private void schematic(Path dir, Map<String, String> vars, TalosNode node) {
        for (Path s : List.of(dir.resolve("schematic.yaml.j2"), dir.resolve("nodes/schematic.yaml.j2"), dir.resolve("schematic.yaml"))) {
            if (!Files.isRegularFile(s)) continue;
            for (YamlDoc d : render(s, vars, node)) {
                for (JsonNode a : d.node().at("/customization/extraKernelArgs")) node.kernelArgs.add(a.asText());
                for (JsonNode e : d.node().at("/customization/systemExtensions/officialExtensions")) node.extensions.add(e.asText());
            }
            return;
        }
    }

    private List<YamlDoc> render(Path file, Map<String, String> vars, TalosNode node) {
        JinjaLines jinja = new JinjaLines(vars);
        List<YamlDoc> docs = repo.read(file, null, text -> file.getFileName().toString().endsWith(".j2") ? jinja.render(text) : text)
                .orElse(List.of());
        for (YamlDoc d : docs) if (!node.docs.contains(d)) node.docs.add(d);
        for (String u : jinja.unresolved()) {
            String note = "template expression " + u + " not evaluated (" + repo.relative(file) + ")";
            if (!node.unsaid.contains(note)) node.unsaid.add(note);
        }
        return docs;
    }

    private static List<JsonNode> nodes(List<YamlDoc> docs) {
        return docs.stream().map(YamlDoc::node).toList();
    }

    /**
     * Templates beside the base that no role or node names ({@code networking.yaml.j2}, buroa's bond and VLAN
     * links, the same for every node): the task runner that combines the templates (a justfile, not copied) is not
     * there to say so, but a template of no node's own values is a layer of each node's config.
     */
    private static List<Path> shared(Path dir) {
        Set<String> named = Set.of("machineconfig.yaml.j2", "cluster.yaml.j2", "controlplane.yaml.j2", "worker.yaml.j2");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".yaml.j2"))
                    .filter(p -> !named.contains(p.getFileName().toString()) && !p.getFileName().toString().startsWith("schematic"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir, 3)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
