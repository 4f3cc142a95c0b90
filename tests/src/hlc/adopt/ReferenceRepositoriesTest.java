package hlc.adopt;

import com.fasterxml.jackson.databind.ObjectMapper;
import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every repository of ../shared/reference/repos (MANIFEST.json lists them), imported, checked and compiled back:
 * the Kustomizations SOURCES.md counts, and every fact that does not round-trip is one of the known limitations
 * the README lists under "Adopting an existing cluster" (the kinds of facts are asserted here, one repository at
 * a time, so a new difference fails the test instead of joining the list unnoticed).
 */
class ReferenceRepositoriesTest {
    @TempDir
    Path tmp;

    /** What one import gave: the result, the findings on arrival, and the facts lost and added by compiling. */
    record Outcome(ImportResult result, Set<String> arrival, List<String> fluxLost, List<String> fluxAdded,
                   Set<String> nodesLost, Set<String> nodesAdded, boolean nodesCompiled) {}

    Outcome run(String folder) throws Exception {
        Path repo = EmitFixtures.projectDir().resolve("../shared/reference/repos/" + folder);
        ImportResult r = Importer.run(repo, "lab", null);
        assertFalse(r.findings().hasErrors(), folder + ":\n" + r.findings().render());
        Path out = tmp.resolve(folder);
        Importer.writeFiles(r, out, false);
        Path root = out.resolve(r.rootFile());
        Compiler.Result arrival = Arrival.findings(root);
        Set<String> codes = arrival.reporter().sorted().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
        List<String> lost = List.of(), added = List.of();
        if (r.flux() != null) {
            RoundTrip.Result rt = RoundTrip.compare(r.flux(), root);
            lost = rt.lost();
            added = rt.added();
        }
        Set<String> repoNodes = TalosRoundTrip.repositoryFacts(r.talos());
        Set<String> compiled = TalosRoundTrip.compiledFacts(Compiler.check(root), root);
        Set<String> nodesLost = new TreeSet<>(repoNodes);
        nodesLost.removeAll(compiled);
        Set<String> nodesAdded = new TreeSet<>(compiled);
        nodesAdded.removeAll(repoNodes);
        return new Outcome(r, codes, lost, added, nodesLost, nodesAdded, !compiled.isEmpty());
    }

    /** The kind of each fact: {@code media/plex healthCheck …} → healthCheck, {@code k8s-0 link bond0 mtu 9000} → link mtu. */
    static Set<String> kinds(java.util.Collection<String> facts) {
        return facts.stream().map(f -> {
            String[] w = f.split(" ");
            return w[1].equals("link") || w[1].equals("volume") ? w[1] + " " + w[3] : w[1];
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyFolderOfTheManifestIsCoveredHere() throws Exception {
        Path manifest = EmitFixtures.projectDir().resolve("../shared/reference/repos/MANIFEST.json");
        List<String> folders = new ArrayList<>();
        new ObjectMapper().readTree(manifest.toFile()).fieldNames().forEachRemaining(folders::add);
        assertEquals(List.of("bjw-s-labs-home-ops", "bjw-s-labs-home-ops@8dbb400a10bc", "buroa-k8s-gitops",
                "buroa-k8s-gitops@d43165743dda", "onedr0p-cluster-template", "onedr0p-cluster-template@77cc9f5f3863",
                "onedr0p-cluster-template@e393b81888ba", "onedr0p-home-ops", "tscibilia-home-ops",
                "tscibilia-home-ops@7c99d3e230b7"), folders);
    }

    /**
     * Talos v1.14 repositories, written in hlc's v1.14 form: each node's Talos facts round-trip, and the Flux side
     * but for the root's own deletionPolicy and patches (the defaults it gives every child Kustomization; hlc writes
     * its own root). Health checks and the one app's own Secret are the apps' words. The API endpoint
     * name (https://k8s.internal:6443) becomes the dns name of the API's load balancer, which checks (no HL033).
     */
    @Test
    void onedr0pHomeOps() throws Exception {
        Outcome o = run("onedr0p-home-ops");
        assertEquals(77, o.result().kustomizations()); // SOURCES.md: 78 Kustomizations, the root included
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        assertEquals(Set.of("deletionPolicy", "patches"), kinds(o.fluxLost()), String.join("\n", o.fluxLost()));
        assertTrue(o.fluxLost().stream().allMatch(f -> f.startsWith("flux-system/cluster-apps ")));
        // the one app that substitutes from a Secret has it as its own `substitute-from`: one app is not "most apps"
        assertTrue(o.result().files().values().stream().anyMatch(t -> t.contains("\n  substitute-from secret ")));
        assertEquals(List.of(), o.fluxAdded());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
        assertTrue(o.result().files().get("lab.hl").contains("\n  endpoint k8s.internal\n"));
        assertEquals(0, o.result().healthChecks()); // each is an app's `health-check`, none a comment
    }

    /**
     * The API's load balancer (10.1.6.50) is in a pool given as a start/stop range, which the language cannot
     * name (README), so the endpoint name has no address in the spec and the one node takes its address by
     * DHCP: HL033 on arrival. The node's Talos facts round-trip all the same.
     */
    @Test
    void bjwsHomeOps() throws Exception {
        Outcome o = run("bjw-s-labs-home-ops");
        assertEquals(92, o.result().kustomizations()); // SOURCES.md: 93, the root included
        assertEquals(1, o.result().nodes());
        assertEquals(Set.of("HL033"), o.arrival());
        assertEquals(Set.of("patches"), kinds(o.fluxLost()), String.join("\n", o.fluxLost()));
        assertEquals(List.of(), o.fluxAdded());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
    }

    /** buroa's sync path holds two roots: flux-repositories, and cluster-apps depending on it; hlc writes one. */
    @Test
    void buroaK8sGitops() throws Exception {
        Outcome o = run("buroa-k8s-gitops");
        assertEquals(69, o.result().kustomizations()); // SOURCES.md: 71, the two roots included
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        List<String> unexplained = o.fluxLost().stream().filter(f -> !f.startsWith("flux-system/cluster-apps patches ")
                && !f.startsWith("flux-system/flux-repositories ")
                && !f.equals("flux-system/cluster-apps dependsOn flux-system/flux-repositories")).toList();
        assertEquals(List.of(), unexplained);
        assertEquals(List.of(), o.fluxAdded());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
    }

    @Test
    void tscibiliaHomeOps() throws Exception {
        Outcome o = run("tscibilia-home-ops");
        assertEquals(133, o.result().kustomizations());
        // four apps (cnpg-operator, external-secrets, envoy-gateway, pocket-id) wait and have health checks, which
        // Flux then ignores: a finding on arrival the user wants
        assertEquals(Set.of("HL131"), o.arrival());
        assertEquals(Set.of("deletionPolicy", "patches", "substitute"), kinds(o.fluxLost()), String.join("\n", o.fluxLost()));
        assertEquals(Set.of("substituteFrom"), kinds(o.fluxAdded()));
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
    }

    /** talhelper, Talos v1.11: the classic config form, node labels in machine.nodeLabels; every node fact round-trips. */
    @Test
    void tscibiliaTalhelperEra() throws Exception {
        Outcome o = run("tscibilia-home-ops@7c99d3e230b7");
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
        assertTrue(o.result().files().get("lab.hl").contains("vip 192.168.5.200 on net-192-168-5"));
        assertTrue(o.result().files().get("lab.hl").contains("label \"nvidia.com/gpu.present=true\""));
    }

    /** talhelper with inline patches, a VIP, bonds and VLANs; Talos v1.10: no VLANs in hlc's classic form. */
    @Test
    void bjwsTalhelperEra() throws Exception {
        Outcome o = run("bjw-s-labs-home-ops@8dbb400a10bc");
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of("link exists", "link mtu", "link vlan"), kinds(o.nodesLost()), String.join("\n", o.nodesLost()));
        // the repository picks the install disk by a selector hlc has no words for; hlc's default is /dev/sda
        assertEquals(Set.of("install-disk"), kinds(o.nodesAdded()));
    }

    /**
     * Talos v1.9 (HL096 when compiled) and a Thunderbolt ring: MTU 65520 is outside the range hlc allows (HL092),
     * and each node gives its two ring links the same /32 (HL026). The import says so on arrival.
     */
    @Test
    void buroaTalhelperEra() throws Exception {
        Outcome o = run("buroa-k8s-gitops@d43165743dda");
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of("HL026", "HL092", "HL096"), o.arrival());
    }

    /** cluster-template is a template (makejinja, `#{ }#`): there is no cluster in it to import yet. */
    @ParameterizedTest
    @ValueSource(strings = {"onedr0p-cluster-template", "onedr0p-cluster-template@77cc9f5f3863", "onedr0p-cluster-template@e393b81888ba"})
    void clusterTemplateIsNotACluster(String folder) throws Exception {
        Path repo = EmitFixtures.projectDir().resolve("../shared/reference/repos/" + folder);
        ImportResult r = Importer.run(repo, "lab", null);
        assertEquals(List.of("IMP09"), r.findings().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
    }
}
