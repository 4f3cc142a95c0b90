package hlc.today;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.resolve.ResolvedSpec;
import hlc.emit.EmitFixtures;
import hlc.emit.Emission;
import hlc.emit.FluxEmitter;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * hlc can describe the cluster as it runs today: {@code spec/examples/home-ops-today.hl} compiles to the Flux
 * Kustomizations that tscibilia/home-ops has, app by app. The expectation is not written here but read from the
 * table "Flux layout and apps" of {@code ../shared/reference/real-cluster.md} ({@link RealClusterPage}): every
 * Kustomization it lists, in its namespace, with its dependencies (name and namespace) and its components, and
 * the facts the page's prose states about all of them.
 */
class RealClusterFluxTest {
    static final String SPEC = "spec/examples/home-ops-today.hl";

    static RealClusterPage page;
    static EmitFixtures.Run run;
    /** The emitted app Kustomizations by NAMESPACE/NAME. */
    static Map<String, JsonNode> emitted;

    @BeforeAll
    static void readThePageAndCompileTheSpec() throws Exception {
        Path project = EmitFixtures.projectDir();
        page = RealClusterPage.read(project);
        // Only the Flux emitter: this test is about the Flux layout, and should say so when that is what is wrong,
        // not fail on another target's files (which its own tests cover).
        Compiler.Result checked = Compiler.check(project.resolve(SPEC));
        assertFalse(checked.reporter().hasErrors(), SPEC + " does not check:" + EmitFixtures.describe(checked.reporter()));
        List<RenderedFile> files = Emission.run(new ResolvedSpec(checked.spec()), List.of(new FluxEmitter()),
                new Renderer(SPEC), checked.reporter());
        run = new EmitFixtures.Run(files, checked.reporter());
        assertFalse(run.failed(), "the Flux files of " + SPEC + " were not emitted:" + run.findings());
        emitted = run.appKustomizations();
    }

    @Test
    void everyKustomizationOfThePageIsEmittedInItsNamespaceAndNoOther() {
        Set<String> expected = new TreeSet<>(page.kustomizations().keySet());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(emitted.keySet());
        Set<String> extra = new TreeSet<>(emitted.keySet());
        extra.removeAll(expected);
        assertEquals(Set.of(), missing, "on the page, not emitted");
        assertEquals(Set.of(), extra, "emitted, not on the page");
        assertEquals(133, emitted.size());
        Set<String> namespaces = new TreeSet<>();
        emitted.keySet().forEach(k -> namespaces.add(k.substring(0, k.indexOf('/'))));
        assertEquals(page.namespaces(), namespaces);
    }

    @Test
    void everyKustomizationDependsOnWhatThePageSaysByNameAndNamespace() {
        List<String> wrong = new ArrayList<>();
        for (RealClusterPage.Kustomization k : page.kustomizations().values()) {
            JsonNode doc = emitted.get(k.key());
            if (doc == null) continue; // reported by the test above
            Set<String> deps = new TreeSet<>();
            doc.at("/spec/dependsOn").forEach(d -> deps.add(d.path("name").asText() + "@"
                    + d.path("namespace").asText(k.namespace()))); // Flux's default: the Kustomization's own
            if (!deps.equals(k.dependsOn())) wrong.add(k.key() + ": page " + k.dependsOn() + ", emitted " + deps);
        }
        assertEquals(List.of(), wrong);
    }

    /** The marks ᵏ ᵖ ᵃ ᶻ are the components the page tracks; an app may have others the page does not mark. */
    @Test
    void everyKustomizationHasTheComponentsThePageMarks() {
        Set<String> tracked = Set.copyOf(page.componentMarks().values());
        Map<String, Set<String>> components = new TreeMap<>();
        emitted.forEach((key, doc) -> {
            Set<String> mine = new TreeSet<>();
            String path = doc.at("/spec/path").asText();
            doc.at("/spec/components").forEach(c -> {
                String resolved = Path.of(path).resolve(c.asText()).normalize().toString().replace('\\', '/');
                String name = resolved.replaceFirst("^kubernetes/components/", "");
                if (tracked.contains(name)) mine.add(name);
            });
            components.put(key, mine);
        });
        assumeTrue(components.values().stream().anyMatch(s -> !s.isEmpty()),
                SPEC + " gives no app a component the page marks; nothing to compare");
        List<String> wrong = new ArrayList<>();
        for (RealClusterPage.Kustomization k : page.kustomizations().values()) {
            Set<String> mine = components.getOrDefault(k.key(), Set.of());
            if (!mine.equals(k.components())) wrong.add(k.key() + ": page " + k.components() + ", emitted " + mine);
        }
        assertEquals(List.of(), wrong);
    }

    /** What the page's prose says of all of them: source, interval, target namespace, path, prune, wait. */
    @Test
    void everyKustomizationHasTheSettingsThePageStates() {
        String interval = page.stated("interval (\\d+[smh]), prune true");
        List<String> notPruned = RealClusterPage.names(page.stated("prune true \\(([a-z0-9, -]+): false\\)"));
        String source = page.stated("sourceRef GitRepository ([a-z0-9-]+/[a-z0-9-]+)");
        List<String> wrong = new ArrayList<>();
        int waiting = 0;
        for (var e : emitted.entrySet()) {
            String key = e.getKey(), ns = key.substring(0, key.indexOf('/')), name = key.substring(ns.length() + 1);
            JsonNode spec = e.getValue().path("spec");
            if (!spec.path("targetNamespace").asText().equals(ns)) wrong.add(key + " targetNamespace " + spec.path("targetNamespace"));
            String src = spec.at("/sourceRef/namespace").asText() + "/" + spec.at("/sourceRef/name").asText();
            if (!src.equals(source) || !spec.at("/sourceRef/kind").asText().equals("GitRepository")) wrong.add(key + " source " + src);
            if (!spec.path("interval").asText().equals(interval)) wrong.add(key + " interval " + spec.path("interval"));
            if (spec.path("prune").asBoolean() == notPruned.contains(name)) wrong.add(key + " prune " + spec.path("prune"));
            if (!spec.path("path").asText().startsWith("./kubernetes/apps/" + ns + "/")) wrong.add(key + " path " + spec.path("path"));
            if (spec.path("wait").asBoolean()) waiting++;
        }
        assertEquals(List.of(), wrong);
        assertEquals(page.numberBefore("with wait true"), waiting, "Kustomizations with wait true");
    }

    @Test
    void everyAppSubstitutesFromTheClusterSecretAndThereIsNoConfigMap() {
        String secret = page.stated("`substituteFrom` Secret `([a-z0-9-]+)`");
        List<String> wrong = new ArrayList<>();
        emitted.forEach((key, doc) -> {
            boolean found = false;
            for (JsonNode s : doc.at("/spec/postBuild/substituteFrom")) {
                found |= s.path("kind").asText().equals("Secret") && s.path("name").asText().equals(secret);
            }
            if (!found) wrong.add(key);
        });
        assertEquals(List.of(), wrong, "Kustomizations that do not substitute from Secret " + secret);
        for (RenderedFile f : run.files()) {
            for (JsonNode doc : EmitFixtures.docs(f)) {
                assertFalse(doc.path("kind").asText().equals("ConfigMap"), f.path() + " is a ConfigMap; the page says there is none");
            }
        }
    }

    /** The root and the namespace folders: cluster-apps applies each namespace's kustomization.yaml. */
    @Test
    void theRootAppliesTheAppsFolderAndEachNamespaceAddsTheSharedComponents() {
        JsonNode root = run.doc("flux/cluster/cluster-apps.yaml");
        assertEquals("cluster-apps", root.at("/metadata/name").asText());
        assertEquals("flux-system", root.at("/metadata/namespace").asText());
        // The page's root applies ./kubernetes/apps, the repository's hand-made folder of ks.yaml files. hlc writes
        // its ks.yaml files under the output folder instead, which the spec's flux path (./kubernetes/flux/cluster,
        // as on the page) places at ./kubernetes: the root applies them there, under the same sync path.
        assertEquals("./kubernetes/apps", page.stated("path `(\\./[a-z/]+)`, 1h, prune"));
        assertEquals("./kubernetes/flux/apps", root.at("/spec/path").asText());
        assertTrue(root.at("/spec/prune").asBoolean());
        List<String> shared = page.statedAll("adds components `([a-z/-]+)`, `([a-z/-]+)`");
        List<String> wrong = new ArrayList<>();
        for (String ns : page.namespaces()) {
            JsonNode k = run.doc("flux/apps/" + ns + "/kustomization.yaml");
            if (!k.path("namespace").asText().equals(ns)) wrong.add(ns + ": namespace " + k.path("namespace"));
            Set<String> components = new TreeSet<>();
            k.path("components").forEach(c -> components.add(Path.of("kubernetes/flux/apps", ns).resolve(c.asText())
                    .normalize().toString().replace('\\', '/').replaceFirst("^kubernetes/components/", "")));
            if (!components.containsAll(shared)) wrong.add(ns + ": components " + components + " lack some of " + shared);
            Set<String> listedApps = new TreeSet<>();
            for (JsonNode r : k.path("resources")) {
                String file = "flux/apps/" + ns + "/" + r.asText().substring(2);
                if (!file.endsWith("/ks.yaml")) continue;
                EmitFixtures.docs(run.file(file)).forEach(d -> listedApps.add(d.at("/metadata/name").asText()));
            }
            Set<String> onPage = new TreeSet<>();
            page.kustomizations().values().stream().filter(x -> x.namespace().equals(ns)).forEach(x -> onPage.add(x.name()));
            if (!listedApps.equals(onPage)) wrong.add(ns + ": lists " + listedApps + ", page " + onPage);
        }
        assertEquals(List.of(), wrong);
    }
}
