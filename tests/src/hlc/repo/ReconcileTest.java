package hlc.repo;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.emit.RepositoryPaths;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Located;
import hlc.model.Spec;
import hlc.testing.Hlc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output as a user commits it reconciles: each bundled spec, in each layout, and with a flux path that is
 * not the default, is compiled into a temporary git repository beside the files a user keeps there (each app's
 * manifests at its path, each component the spec names), committed, cloned as Flux's source-controller would,
 * and walked from the sync path down with the real kustomize ({@link FluxWalk}). Every Kustomization's path must
 * build, every variable must be set, every dependsOn must be found, and every object hlc emits for the cluster
 * must be applied by some Kustomization.
 */
class ReconcileTest {
    private static final Path HOMELAB = Hlc.project().resolve("spec/homelab.hl");
    private static final Path TODAY = Hlc.project().resolve("spec/examples/home-ops-today.hl");
    private static final Path TODAY_FILES = Hlc.project().resolve("spec/examples/home-ops-today");
    private static final Path PI = Hlc.project().resolve("spec/examples/pi-control-plane.hl");

    @TempDir
    Path tmp;

    @BeforeAll
    static void tools() throws Exception {
        assertTrue(TempRepo.gitWorks(), "git is not installed: the reconcile test commits the output like a user");
        Kubectl.requireV5();
    }

    @Test
    void homelabFlat() throws Exception {
        FluxWalk w = reconciles("homelab-flat", HOMELAB, null, "out", UnaryOperator.identity());
        // the VolSync component, built by kustomize into each backed-up app and named by its variables
        for (String app : List.of("jellyfin", "plex", "qbittorrent", "radarr", "sonarr")) {
            assertTrue(w.applied.containsAll(List.of("ReplicationSource/" + app, "ReplicationDestination/" + app + "-dst",
                    "ExternalSecret/" + app + "-volsync")), app + ": " + w.applied);
        }
    }

    @Test
    void homelabNamespaced() throws Exception {
        // In that layout a bare dependency means an app of the same namespace: each names its namespace instead.
        reconciles("homelab-namespaced", HOMELAB, null, "out",
                s -> qualifiedDependencies(s.replace("    interval 1h\n  }", "    interval 1h\n    layout namespaced\n  }")));
    }

    @Test
    void homeOpsTodayFlat() throws Exception {
        reconciles("today-flat", TODAY, TODAY_FILES, "kubernetes", s -> s.replace("    layout namespaced\n", ""));
    }

    @Test
    void homeOpsTodayNamespaced() throws Exception {
        // Its flux path is ./kubernetes/flux/cluster, as in the repository it describes: the output goes to kubernetes/.
        reconciles("today-namespaced", TODAY, TODAY_FILES, "kubernetes", UnaryOperator.identity());
    }

    /** The third example: a Raspberry Pi control plane, Longhorn, dual stack; its flux path is ./kubernetes/flux/cluster. */
    @Test
    void piControlPlane() throws Exception {
        FluxWalk w = reconciles("pi-control-plane", PI, null, "kubernetes", UnaryOperator.identity());
        assertTrue(w.applied.containsAll(List.of("RecurringJob/longhorn-snapshot", "StorageClass/longhorn")), w.applied.toString());
    }

    /**
     * The storage words the bundled specs do not use (a CephFS and an object store with their classes, Longhorn
     * with a recurring job, OpenEBS ZFS, democratic-csi) and a pool of ranges on the node network: every new
     * folder is applied by some Kustomization, after the apps its resources need.
     */
    @Test
    void homelabWithEveryStorageBackend() throws Exception {
        FluxWalk w = reconciles("homelab-storage", HOMELAB, null, "out", s -> s
                .replace("ceph rook-ceph {\n", "ceph rook-ceph {\n  filesystem cephfs {\n    replicas 3\n  }\n"
                        + "  object-store objects {\n    replicas 3\n  }\n")
                + "\nstorage-class cephfs {\n  cephfs cephfs\n}\n"
                + "\nstorage-class buckets {\n  bucket objects\n}\n"
                + "\nstorage-class longhorn {\n  longhorn replicas 3\n  recurring snapshot \"0 */6 * * *\" retain 8\n}\n"
                + "\nstorage-class zfs {\n  zfs tank on [k8s-1]\n}\n"
                + "\nstorage-class nas-nfs {\n  democratic-csi nfs export backups on synology\n}\n");
        assertTrue(w.applied.containsAll(List.of("CephFilesystem/cephfs", "CephObjectStore/objects", "RecurringJob/longhorn-snapshot",
                "StorageClass/zfs", "StorageClass/nas-nfs", "ConfigMap/democratic-csi-nas-nfs-values")), w.applied.toString());
        assertTrue(w.built.containsAll(List.of("out/storage/longhorn", "out/storage/democratic-csi")), w.built.toString());
    }

    /**
     * A root of the spec's own beside cluster-apps (buroa-k8s-gitops's flux-repositories, imported): the walk
     * builds the user's folder it applies, finds it from the sync path, and finds cluster-apps's dependsOn on it.
     */
    @Test
    void homeOpsTodayWithARootOfItsOwn() throws Exception {
        FluxWalk w = reconciles("today-root", TODAY, TODAY_FILES, "kubernetes", s -> s.replace("    layout namespaced\n",
                "    layout namespaced\n    root flux-repositories {\n      path \"./kubernetes/flux/repositories\"\n"
                        + "      namespace flux-system\n      wait\n    }\n    apps-depend [flux-repositories]\n"));
        assertTrue(w.kustomizations.containsKey("flux-system/flux-repositories"), w.kustomizations.keySet().toString());
        assertTrue(w.built.contains("kubernetes/flux/repositories"), w.built.toString());
        assertTrue(w.applied.contains("ConfigMap/flux-repositories-manifests"), w.applied.toString());
    }

    @Test
    void homelabWithItsOwnFluxPath() throws Exception {
        reconciles("homelab-lab", HOMELAB, null, "clusters/lab",
                s -> s.replace("path \"./out/flux/cluster\"", "path \"./clusters/lab/flux/cluster\""));
    }

    @Test
    void homelabWithoutAFluxPath() throws Exception {
        reconciles("homelab-nopath", HOMELAB, null, "out", s -> s.replace("    path \"./out/flux/cluster\"\n", ""));
    }

    /** The walk is not a formality: the root path hlc wrote before it knew the repository fails it. */
    @Test
    void theWalkFailsOnARootPathThatResolvesToNothing() throws Exception {
        Path checkout = compiledAndCloned("broken-root", HOMELAB, null, "out", UnaryOperator.identity());
        Path root = checkout.resolve("out/flux/cluster/cluster-apps.yaml");
        Files.writeString(root, Files.readString(root).replace("\"./out/flux/apps\"", "\"./kubernetes/flux/cluster/apps\""));
        FluxWalk w = new FluxWalk(checkout, null, List.of()).from("./out/flux/cluster");
        assertTrue(w.failures.stream().anyMatch(f -> f.contains("cluster-apps") && f.contains("./kubernetes/flux/cluster/apps")),
                w.failures.toString());
    }

    /** Nor are the components: one missing from the repository fails the namespace folders that list it. */
    @Test
    void theWalkFailsOnAMissingComponent() throws Exception {
        Path checkout = compiledAndCloned("broken-component", TODAY, TODAY_FILES, "kubernetes", UnaryOperator.identity());
        walkTree(checkout.resolve("kubernetes/components/alerts"));
        FluxWalk w = new FluxWalk(checkout, "cluster-secrets", List.of()).from("./kubernetes/flux/cluster");
        assertTrue(w.failures.stream().anyMatch(f -> f.contains("kubectl kustomize") && f.contains("alerts")), w.failures.toString());
    }

    private FluxWalk reconciles(String name, Path spec, Path imports, String out, UnaryOperator<String> edit) throws Exception {
        Path checkout = compiledAndCloned(name, spec, imports, out, edit);
        Spec model = Compiler.check(checkout.resolve("spec/" + spec.getFileName())).spec();
        Cluster.Flux flux = model.cluster().flux();
        String sync = flux != null && flux.path() != null ? flux.path().value() : "./" + out + "/flux/cluster";
        FluxWalk w = new FluxWalk(checkout, flux != null && flux.substituteFrom() != null ? flux.substituteFrom().text() : null,
                flux == null ? List.of() : flux.substituteVariables().stream().map(v -> v.text()).toList()).output(out).from(sync);
        assertEquals(List.of(), w.failures, name + ": the walk from " + sync + " failed");
        assertTrue(w.kustomizations.size() > model.apps().size(), "every app's Kustomization and the root were found: " + w.kustomizations.keySet());
        Set<String> emitted = emittedObjects(checkout.resolve(out));
        emitted.removeAll(w.applied);
        assertEquals(Set.of(), emitted, name + ": objects hlc writes that no Kustomization applies");
        for (String folder : List.of(out + "/flux/cluster", out + "/flux/apps", out + "/storage/ceph", out + "/storage/classes", out + "/dns")) {
            // dns/ holds no objects of its own when no provider may publish a record (home-ops-today: every address
            // is private and only Cloudflare reads DNSEndpoints); the check above still covers its providers/.
            if (folder.endsWith("/dns") && !Files.exists(checkout.resolve(folder).resolve("dnsendpoints.yaml"))) continue;
            // a spec without a ceph block (pi-control-plane: Longhorn) has no Rook-Ceph folder to build
            if (folder.endsWith("/storage/ceph") && model.cephs().isEmpty()) continue;
            assertTrue(w.built.contains(folder), folder + " is built by some Kustomization: " + w.built);
        }
        return w;
    }

    private Path compiledAndCloned(String name, Path spec, Path imports, String out, UnaryOperator<String> edit) throws Exception {
        TempRepo repo = TempRepo.init(Files.createDirectories(tmp.resolve(name + "/repo")));
        repo.write("README.md", "a homelab\n");
        Path specFile = repo.write("spec/" + spec.getFileName(), edit.apply(Files.readString(spec)));
        if (imports != null) repo.copy(imports, "spec/" + imports.getFileName());
        Compiler.Result checked = Compiler.check(specFile);
        assertFalse(checked.reporter().hasErrors(), name + " checks clean: " + checked.reporter().sorted());
        layUsersFiles(repo, checked.spec());
        Hlc compile = Hlc.run("compile", specFile.toString(), "--out", repo.dir().resolve(out).toString());
        assertEquals(0, compile.exit(), name + ": " + compile.err());
        repo.commitAll("the lab");
        return repo.cloneTo(tmp.resolve(name + "/checkout"));
    }

    /**
     * What a user keeps in the repository beside hlc's output: each app's manifests at its path (here one
     * ConfigMap each) and each component the spec names (here empty ones).
     */
    private static void layUsersFiles(TempRepo repo, Spec spec) throws IOException {
        for (App a : spec.apps()) {
            String path = a.path() != null ? a.path().value() : RepositoryPaths.defaultAppPath(a.namespace().text(), a.name().text());
            String dir = String.join("/", RepositoryPaths.segments(path));
            repo.write(dir + "/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./manifests.yaml\n");
            repo.write(dir + "/manifests.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + a.name().text() + "-manifests\n");
        }
        if (spec.cluster().flux() != null) {
            for (Cluster.Root r : spec.cluster().flux().roots()) {
                String dir = String.join("/", RepositoryPaths.segments(r.path().value()));
                repo.write(dir + "/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./manifests.yaml\n");
                repo.write(dir + "/manifests.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + r.name().text() + "-manifests\n");
            }
        }
        List<Located<String>> components = new ArrayList<>();
        if (spec.cluster().flux() != null) spec.cluster().flux().namespaces().forEach(n -> components.addAll(n.components()));
        spec.apps().forEach(a -> components.addAll(a.components()));
        for (Located<String> c : components) {
            repo.write(String.join("/", RepositoryPaths.segments(RepositoryPaths.COMPONENTS)) + "/" + c.value() + "/kustomization.yaml",
                    "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nlabels:\n  - pairs:\n      test.hlc/component: \"" + c.value().replace('/', '-') + "\"\n");
        }
    }

    /**
     * kind/name of every Kubernetes object in the output's YAML files (kustomization.yaml files are kustomize's
     * own; a component's files hold ${VAR} names, and the walk sees them applied under each app's names).
     */
    private static Set<String> emittedObjects(Path out) throws IOException {
        Set<String> objects = new TreeSet<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !inComponent(f)).toList()) {
                for (JsonNode d : FluxWalk.docs(FluxWalk.read(p))) {
                    if (d.has("apiVersion") && d.has("kind")) objects.add(d.path("kind").asText() + "/" + d.at("/metadata/name").asText());
                }
            }
        }
        return objects;
    }

    private static boolean inComponent(Path file) {
        Path k = file.resolveSibling("kustomization.yaml");
        try {
            return Files.isRegularFile(k) && Files.readString(k).contains("\nkind: Component\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every {@code depends [..]} entry written {@code app@namespace}, from the spec's own apps. */
    private static String qualifiedDependencies(String spec) {
        Spec model = Compiler.checkText("spec.hl", spec).spec();
        java.util.Map<String, String> ns = new java.util.HashMap<>();
        model.apps().forEach(a -> ns.put(a.name().text(), a.namespace().text()));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(\\s*depends \\[)([^]]*)]").matcher(spec);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String list = java.util.Arrays.stream(m.group(2).split(",\\s*"))
                    .map(d -> d.contains("@") || !ns.containsKey(d) ? d : d + "@" + ns.get(d))
                    .collect(java.util.stream.Collectors.joining(", "));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + list + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void walkTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
