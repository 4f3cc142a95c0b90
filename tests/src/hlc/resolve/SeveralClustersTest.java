package hlc.resolve;

import hlc.Compiler;
import hlc.cli.Main;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec with several clusters, the way a user sees it: each cluster's own files in its own folder, with only
 * its nodes, apps, storage and settings, the shared networks and devices in both; a one-cluster spec unchanged by
 * `cluster NAME`; the same output whatever the order of the blocks; `compile --check` over the whole tree.
 */
class SeveralClustersTest {
    static final Path EXAMPLE = Path.of(System.getProperty("hlc.project.dir", ".")).resolve("spec/examples/two-clusters.hl");

    private static Compiler.Compilation compile(String name, String text) {
        return Compiler.compileText(name, text, SecretsBundle.placeholder(), new Renderer(name));
    }

    private static Map<String, String> files(Compiler.Compilation c) {
        assertFalse(c.failed(), () -> c.reporter().sorted().toString());
        Map<String, String> m = new TreeMap<>();
        for (RenderedFile f : c.files()) m.put(f.path(), f.content());
        return m;
    }

    @Test
    void eachClusterIsWrittenIntoItsOwnFolderWithOnlyWhatIsItsOwn() throws IOException {
        Map<String, String> files = files(compile("two-clusters.hl", Files.readString(EXAMPLE)));
        assertTrue(files.keySet().stream().allMatch(p -> p.startsWith("main/") || p.startsWith("lab/")), files.keySet()::toString);
        // the nodes: three in main, one in lab
        assertEquals(List.of("main/talos/k8s-1.yaml", "main/talos/k8s-2.yaml", "main/talos/k8s-3.yaml"),
                files.keySet().stream().filter(p -> p.startsWith("main/talos/")).toList());
        assertEquals(List.of("lab/talos/lab-1.yaml"), files.keySet().stream().filter(p -> p.startsWith("lab/talos/")).toList());
        // the single-node cluster's API endpoint is its node's own address, and it runs the workloads
        String lab1 = files.get("lab/talos/lab-1.yaml");
        assertTrue(lab1.contains("endpoint: \"https://192.168.5.31:6443\""), lab1);
        assertTrue(lab1.contains("clusterName: \"lab\""));
        assertTrue(lab1.contains("allowSchedulingOnControlPlanes: true"));
        assertTrue(files.get("main/talos/k8s-1.yaml").contains("endpoint: \"https://192.168.5.210:6443\""));
        // Rook-Ceph only where its OSDs are; the lab's default class is its own, the NFS class is in both
        assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("main/rook/")));
        assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith("lab/rook/") || p.startsWith("lab/storage/ceph/")));
        assertTrue(files.containsKey("lab/storage/classes/local-path.yaml"));
        assertFalse(files.containsKey("main/storage/classes/local-path.yaml"));
        assertTrue(files.containsKey("main/storage/classes/media.yaml") && files.containsKey("lab/storage/classes/media.yaml"));
        // each Flux tree points into its own folder of the repository
        assertTrue(files.get("lab/flux/cluster/cluster-apps.yaml").contains("path: \"./out/lab/flux/apps\""));
        assertTrue(files.get("main/flux/cluster/cluster-apps.yaml").contains("path: \"./out/main/flux/apps\""));
        assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("lab/flux/apps/") && p.contains("echo")));
        assertFalse(files.keySet().stream().anyMatch(p -> p.startsWith("lab/flux/apps/") && p.contains("plex")));
        // dual-stack main: both families for the kubelet's node IP; single-stack lab: one
        assertTrue(files.get("main/talos/k8s-1.yaml").contains("validSubnets:\n        - \"192.168.5.0/24\"\n        - \"fd00:5::/64\""));
        assertTrue(lab1.contains("validSubnets:\n        - \"192.168.5.0/24\"\n  install"), lab1);
    }

    @Test
    void theGitignoreOfEachClusterFolderKeepsItsSecretsOut() throws IOException {
        Compiler.Compilation c = compile("two-clusters.hl", Files.readString(EXAMPLE));
        List<String> ignores = c.writable().stream().map(RenderedFile::path).filter(p -> p.endsWith(".gitignore")).toList();
        assertEquals(List.of("lab/.gitignore", "main/.gitignore"), ignores);
        assertTrue(c.writable().stream().noneMatch(RenderedFile::secret), "no bundle: no machine config is writable");
        assertEquals(4, c.talosConfigs());
    }

    @Test
    void theOrderOfTheBlocksChangesNothing() throws IOException {
        String text = Files.readString(EXAMPLE);
        int main = text.indexOf("cluster main {");
        int lab = text.indexOf("// One node: no VIP");
        int hosts = text.indexOf("host k8s-1 {");
        String swapped = text.substring(0, main) + text.substring(lab, hosts) + text.substring(main, lab) + text.substring(hosts);
        assertTrue(swapped.indexOf("cluster lab {") < swapped.indexOf("cluster main {"));
        assertEquals(files(compile("two-clusters.hl", text)), files(compile("two-clusters.hl", swapped)));
    }

    @Test
    void withOneClusterSayingItChangesNothing() {
        String plain = """
                site home { domain example.com }
                network lan { cidr 192.168.5.0/24 }
                cluster main { talos v1.12.0  kubernetes v1.33.3  vip 192.168.5.210 on lan }
                host k8s-1 {
                  role controlplane
                  interface eth0 on lan address 192.168.5.11
                }
                storage-class local { hostpath "/var/mnt/local" default }
                app echo { namespace default storage local }
                """;
        String said = plain.replace("  role controlplane", "  cluster main\n  role controlplane")
                .replace("storage-class local {", "storage-class local { cluster main")
                .replace("app echo {", "app echo { cluster main");
        assertEquals(files(compile("one.hl", plain)), files(compile("one.hl", said)));
        assertTrue(files(compile("one.hl", plain)).containsKey("talos/k8s-1.yaml"), "one cluster: the output folder itself");
    }

    @Test
    void sharedWithAllowsTheOverlapItNames() throws IOException {
        String text = Files.readString(EXAMPLE);
        // either side saying it is enough
        assertTrue(Compiler.checkText("two.hl", text.replace(" shared-with [main]", "")).reporter().sorted().isEmpty());
        Compiler.Result without = Compiler.checkText("two.hl", text.replace(" shared-with [lab]", "").replace(" shared-with [main]", ""));
        assertEquals(List.of("HL064"), without.reporter().sorted().stream().map(d -> d.code()).toList());
    }

    @Test
    void compileCheckComparesEveryClusterFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("compile", EXAMPLE.toString(), "--out", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("lab/flux/cluster/kustomization.yaml")));
        assertEquals(0, run("compile", EXAMPLE.toString(), "--out", out.toString(), "--check"));
        Files.writeString(out.resolve("lab/flux/cluster/kustomization.yaml"), "# edited\n");
        assertEquals(1, run("compile", EXAMPLE.toString(), "--out", out.toString(), "--check"));
    }

    private static int run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
