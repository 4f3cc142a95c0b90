package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hlc.diag.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A talhelper {@code talconfig.yaml}: the cluster's name, versions, endpoint and subnets, and per node its
 * hostname, role, install disk, network interfaces (talhelper writes them as Talos's own
 * {@code machine.network.interfaces}), labels, taints and schematic, with the global, role and node patches
 * ({@code @./patches/x.yaml} files or inline YAML) applied as {@code talhelper genconfig} applies them.
 * {@code ${VAR}} placeholders are filled from {@code talenv.yaml}; an encrypted {@code talenv.sops.yaml} is
 * reported and skipped, so its placeholders stay unresolved (and are noted, never guessed).
 */
final class TalhelperReader {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private final RepositoryReader repo;
    private final Findings findings;
    /** The patch files read, so a setting a patch makes is traced to the patch's file and line. */
    private final List<YamlDoc> patchDocs = new ArrayList<>();

    TalhelperReader(RepositoryReader repo, Findings findings) {
        this.repo = repo;
        this.findings = findings;
    }

    Optional<Path> find() {
        try (Stream<Path> s = Files.walk(repo.root(), 5)) {
            return s.filter(p -> p.getFileName().toString().equals("talconfig.yaml"))
                    .filter(p -> repo.relative(p).chars().filter(c -> c == '/').count() < 5).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    TalosCluster read(Path talconfig) {
        TalosCluster cluster = new TalosCluster();
        cluster.source = repo.relative(talconfig);
        Path dir = talconfig.getParent();
        Map<String, String> env = env(dir);
        Optional<List<YamlDoc>> docs = repo.read(talconfig, null, text -> substitute(text, env));
        if (docs.isEmpty() || docs.get().isEmpty()) return cluster;
        YamlDoc doc = docs.get().get(0);
        JsonNode t = doc.node();
        cluster.name = t.path("clusterName").asText(null);
        cluster.talosVersion = resolved(t.path("talosVersion").asText(null), "talosVersion", doc, cluster);
        cluster.kubernetesVersion = resolved(t.path("kubernetesVersion").asText(null), "kubernetesVersion", doc, cluster);
        for (String k : List.of("additionalApiServerCertSans", "additionalMachineCertSans", "domain", "allowSchedulingOnMasters", "cniConfig")) {
            if (t.has(k) && !k.equals("cniConfig")) cluster.unsaid.add(k + " (" + doc.where(k) + ")");
        }
        List<JsonNode> global = patches(t.path("patches"), dir, doc, cluster.unsaid);
        List<JsonNode> cpPatches = patches(t.at("/controlPlane/patches"), dir, doc, cluster.unsaid);
        List<JsonNode> workerPatches = patches(t.at("/worker/patches"), dir, doc, cluster.unsaid);
        for (JsonNode n : t.path("nodes")) {
            TalosNode node = new TalosNode();
            boolean cp = n.path("controlPlane").asBoolean(false);
            node.role = cp ? "controlplane" : "worker";
            node.hostname = n.path("hostname").asText(null);
            node.source = doc.where("hostname: " + node.hostname).replaceFirst(":\\d+$", "") + ":" + doc.spanOf(String.valueOf(node.hostname)).line();
            ObjectNode base = MachineConfigFacts.object();
            ObjectNode machine = base.putObject("machine");
            machine.put("type", node.role);
            if (n.has("installDisk")) machine.putObject("install").put("disk", n.path("installDisk").asText());
            // talhelper writes installDiskSelector as the config's machine.install.diskSelector
            if (n.path("installDiskSelector").isObject()) machine.with("install").set("diskSelector", n.path("installDiskSelector"));
            ObjectNode network = machine.putObject("network");
            network.put("hostname", node.hostname);
            if (n.has("networkInterfaces")) network.set("interfaces", n.path("networkInterfaces"));
            if (n.has("nameservers")) network.set("nameservers", n.path("nameservers"));
            if (n.has("nodeLabels")) machine.set("nodeLabels", n.path("nodeLabels"));
            if (n.has("nodeTaints")) machine.set("nodeTaints", n.path("nodeTaints"));
            if (n.has("kernelModules")) machine.putObject("kernel").set("modules", n.path("kernelModules"));
            ObjectNode c = base.putObject("cluster");
            if (cluster.name != null) c.put("clusterName", cluster.name);
            if (t.has("endpoint")) c.putObject("controlPlane").put("endpoint", t.path("endpoint").asText());
            ObjectNode cn = c.putObject("network");
            if (t.has("clusterPodNets")) cn.set("podSubnets", t.path("clusterPodNets"));
            if (t.has("clusterSvcNets")) cn.set("serviceSubnets", t.path("clusterSvcNets"));
            if (t.at("/cniConfig/name").isTextual()) cn.putObject("cni").put("name", t.at("/cniConfig/name").asText());
            List<JsonNode> config = new ArrayList<>(List.of(base));
            config = MachineConfigFacts.patch(config, global);
            config = MachineConfigFacts.patch(config, cp ? cpPatches : workerPatches);
            config = MachineConfigFacts.patch(config, patches(n.path("patches"), dir, doc, node.unsaid));
            new MachineConfigFacts(sources(doc)).read(config, node, cluster);
            for (JsonNode a : n.at("/schematic/customization/extraKernelArgs")) node.kernelArgs.add(a.asText());
            for (JsonNode e : n.at("/schematic/customization/systemExtensions/officialExtensions")) node.extensions.add(e.asText());
            for (String k : List.of("machineDisks", "talosImageURL", "machineSpec", "ignoreHostname", "disableSearchDomain", "userVolumes", "extensionServices")) {
                if (n.has(k)) node.unsaid.add(k + " (" + doc.file().displayPath() + ":" + lineInNode(doc, node.hostname, k) + ")");
            }
            node.docs.add(doc);
            node.docs.addAll(patchDocs);
            cluster.nodes.add(node);
        }
        cluster.docs.add(doc);
        cluster.docs.addAll(patchDocs);
        return cluster;
    }

    /** The line of {@code key} within the node entry of {@code hostname} (the first after its hostname line). */
    private static int lineInNode(YamlDoc doc, String hostname, String key) {
        int from = doc.spanOf(String.valueOf(hostname)).line();
        for (int l = from; l <= doc.lastLine() && l <= doc.file().lineCount(); l++) {
            if (doc.file().line(l).strip().startsWith(key + ":")) return l;
        }
        return from;
    }

    private String resolved(String value, String key, YamlDoc doc, TalosCluster cluster) {
        if (value != null && VAR.matcher(value).find()) {
            findings.add(ImportCode.IMP08, doc.spanOfKey(key), key + " is `" + value + "`, and no talenv.yaml gives it a value",
                    "add it to talenv.yaml (unencrypted: a version is no secret) or write it in the imported spec");
            return null;
        }
        return value;
    }

    private Map<String, String> env(Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("talenv.yaml", "talenv.sops.yaml")) {
            Path f = dir.resolve(name);
            if (!Files.isRegularFile(f)) continue;
            repo.read(f, null).ifPresent(docs -> docs.forEach(d -> d.node().fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) env.put(e.getKey(), e.getValue().asText());
            })));
        }
        return env;
    }

    private static String substitute(String text, Map<String, String> env) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A talhelper patch list: {@code "@./file.yaml"} entries read from the file, inline YAML parsed; JSON6902 noted. */
    private List<JsonNode> patches(JsonNode list, Path dir, YamlDoc doc, List<String> unsaid) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : list) {
            if (p.isTextual() && p.asText().startsWith("@")) {
                String name = p.asText().substring(1);
                Span at = doc.spanOf(p.asText());
                Optional<Path> file = repo.resolve(dir, name, at);
                if (file.isEmpty()) continue;
                if (!Files.isRegularFile(file.get())) {
                    findings.add(ImportCode.IMP07, at, "patch `" + name + "` is not in the repository", "talhelper would fail; the other patches are applied");
                    continue;
                }
                repo.read(file.get(), at).ifPresent(ds -> ds.forEach(d -> patchDocs.add(d)));
                repo.read(file.get(), at).ifPresent(ds -> ds.forEach(d -> add(d.node(), out, unsaid, repo.relative(file.get()) + ":" + d.firstLine())));
            } else if (p.isTextual()) {
                int line = doc.spanOf(p.asText().lines().findFirst().orElse("")).line();
                repo.parseInline(p.asText(), new Span(doc.file(), line, 1, 1))
                        .forEach(n -> add(n, out, unsaid, doc.file().displayPath() + ":" + line));
            } else if (p.isObject()) {
                add(p, out, unsaid, doc.where("patches"));
            }
        }
        return out;
    }

    private List<YamlDoc> sources(YamlDoc talconfig) {
        List<YamlDoc> s = new ArrayList<>(patchDocs);
        s.add(talconfig);
        return s;
    }

    private static void add(JsonNode patch, List<JsonNode> out, List<String> unsaid, String where) {
        if (patch.isArray()) unsaid.add("a JSON6902 patch (" + where + ")");
        else if (patch.isObject()) out.add(patch);
    }
}
