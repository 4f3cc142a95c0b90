package hlc.adopt;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * onedr0p/cluster-template, in its three forms of ../shared/reference/repos: today's (cluster.toml, topf), the
 * last talhelper one (cluster.toml, talconfig.yaml.j2, e393b81888ba) and the last YAML one (cluster.yaml +
 * nodes.yaml, 77cc9f5f3863). The template's own test configurations are real filled ones: each valid one imports
 * to a spec that checks and whose compiled output says what the rendered template says, and each invalid one that
 * breaks an invariant of the cluster gets hlc's finding for it on arrival.
 */
class ClusterTemplateImportTest {
    private static final Path REPOS = EmitFixtures.projectDir().resolve("../shared/reference/repos");
    private static final Path TODAY = REPOS.resolve("onedr0p-cluster-template");
    private static final Path TESTS = TODAY.resolve(".github/template-tests");

    @TempDir
    Path tmp;

    record Outcome(ImportResult result, Set<String> arrival, List<String> fluxLost, List<String> fluxAdded,
                   Set<String> nodesLost, Set<String> nodesAdded, boolean nodesCompiled) {}

    Outcome run(Path checkout, Path... values) throws Exception {
        ImportResult r = Importer.run(checkout, "lab", null, List.of(values));
        assertFalse(r.findings().hasErrors(), r.findings().render());
        Path out = tmp.resolve("spec-" + Math.abs((checkout.toString() + List.of(values)).hashCode()));
        Importer.writeFiles(r, out, false);
        Path root = out.resolve(r.rootFile());
        Compiler.Result arrival = Arrival.findings(root);
        Set<String> codes = arrival.reporter().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> lost = List.of(), added = List.of();
        if (r.flux() != null) {
            RoundTrip.Result rt = RoundTrip.compare(r.flux(), root);
            // external-dns's settings round-trip but for Cloudflare's own arguments and the Gateway filter, which
            // ReferenceRepositoriesTest and the README list; the cluster's Kustomizations, nodes and BGP here
            // and a worker the template's BGP node selector (every Linux node) makes a speaker: hlc's speakers are the
            // control planes (README's limitation table)
            lost = rt.lost().stream().filter(f -> !f.startsWith("external-dns ") || !f.contains(" arg --"))
                    .filter(f -> !f.startsWith("bgp speaker ")).toList();
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

    static List<String> validConfigs() throws IOException {
        try (Stream<Path> s = Files.list(TESTS.resolve("valid"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The samples alone: one finding that says which file to fill in, from which sample; nothing to write. */
    @ParameterizedTest
    @CsvSource({"onedr0p-cluster-template, cluster.toml", "onedr0p-cluster-template@e393b81888ba, cluster.toml",
            "onedr0p-cluster-template@77cc9f5f3863, cluster.yaml nodes.yaml"})
    void theSamplesAloneSayWhichFileToFill(String folder, String files) throws Exception {
        ImportResult r = Importer.run(REPOS.resolve(folder), "lab", null);
        List<Diagnostic> errors = r.findings().sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(files.split(" ").length, errors.size(), r.findings().render());
        for (String f : files.split(" ")) {
            String sample = f.replace(".", ".sample.");
            assertTrue(errors.stream().anyMatch(d -> d.code().equals("IMP10") && d.message().contains(f + " is not there, only " + sample)
                    && d.hint().contains("copy " + sample + " to " + f) && d.hint().contains("--values")), r.findings().render());
        }
        assertEquals(0, r.files().size());
    }

    /**
     * Today's template (topf): every valid configuration renders, imports with no error, checks with no error on
     * arrival, and compiles to the same node facts (role, install disk, links, bond, VLAN, addresses, MTU) and the
     * same Kustomizations, but the root's own decryption, deletionPolicy and patches (hlc writes its own root).
     */
    @ParameterizedTest
    @ValueSource(strings = {"direct.toml", "internal.toml", "multi-controller.toml", "no-webhook.toml", "private.toml",
            "public.toml", "selfhosted.toml", "single-node.toml"})
    void todayEachValidConfigRoundTrips(String config) throws Exception {
        assertEquals(validConfigs().size(), 8, "a new valid configuration in the template's tests: add it here");
        Outcome o = run(TODAY, TESTS.resolve("valid/" + config));
        assertEquals(Set.of(), o.arrival(), config);
        assertTrue(o.nodesCompiled(), config);
        assertEquals(Set.of(), o.nodesLost(), config);
        assertEquals(Set.of(), o.nodesAdded(), config);
        assertEquals(Set.of("flux-system/cluster-apps decryption", "flux-system/cluster-apps deletionPolicy", "flux-system/cluster-apps patches"),
                o.fluxLost().stream().map(f -> f.split(" ")[0] + " " + f.split(" ")[1]).collect(Collectors.toSet()), String.join("\n", o.fluxLost()));
        assertEquals(List.of(), o.fluxAdded(), config);
        assertTrue(o.result().kustomizations() >= 10, "at least the apps every configuration renders");
    }

    /** What public.toml says, in the spec: the VLAN, the VIP, the whole-subnet pool announced over L2, the gateways' addresses, BGP's ASN. */
    @Test
    void publicConfigSaysWhatTheTemplateRenders() throws Exception {
        Outcome o = run(TODAY, TESTS.resolve("valid/public.toml"));
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("network net-10-10-10 {\n  cidr 10.10.10.0/24\n  gateway 10.10.10.1\n  vlan 100\n  pool loadbalancer\n  announce l2\n}"), root);
        assertTrue(root.contains("\n  vip 10.10.10.254 on net-10-10-10\n"), root);
        assertTrue(root.contains("\n  loadbalancer envoy-external 10.10.10.251 on net-10-10-10\n  loadbalancer envoy-internal 10.10.10.252 on net-10-10-10\n  loadbalancer k8s-gateway 10.10.10.253 on net-10-10-10\n"), root);
        assertTrue(root.contains("interface ethSel0 mac 00:00:00:00:00:01"), root);
        assertTrue(root.contains("interface bond0.100 on net-10-10-10 address 10.10.10.101 vlan 100 of bond0 mtu 1500"), root);
        assertTrue(root.contains("\n    asn 64514\n"), root);
        assertTrue(root.contains("\n  talos v1.13.7\n  kubernetes v1.36.4\n"), root);
        assertTrue(root.contains("repository \"https://github.com/onedr0p/cluster-template.git\""), root);
        // 14 Kustomizations with the root (SOURCES.md): cloudflare-dns and cloudflare-tunnel are rendered
        assertEquals(13, o.result().kustomizations());
    }

    /** The Cloudflare API token is a secret: reported where it is written, never in the spec. */
    @Test
    void theCloudflareTokenIsNeverCopied() throws Exception {
        Path config = tmp.resolve("cluster.toml");
        Files.writeString(config, Files.readString(TESTS.resolve("valid/private.toml")).replace("token = \"fake\"", "token = \"cf-Zq81mXv2LpT0wN4\""));
        ImportResult r = Importer.run(TODAY, "lab", null, List.of(config));
        assertTrue(r.findings().sorted().stream().anyMatch(d -> d.code().equals("IMP06") && d.message().contains("dns.token")), r.findings().render());
        assertFalse(r.findings().render().contains("cf-Zq81mXv2LpT0wN4"), "the finding masks the value");
        for (String text : r.files().values()) assertFalse(text.contains("cf-Zq81mXv2LpT0wN4"), text);
    }

    /** The last talhelper template: each valid configuration imports, checks and round-trips its nodes. */
    @ParameterizedTest
    @ValueSource(strings = {"direct.toml", "multi-controller.toml", "private.toml", "single-node.toml"})
    void talhelperEraRoundTrips(String config) throws Exception {
        Outcome o = run(REPOS.resolve("onedr0p-cluster-template@e393b81888ba"), TESTS.resolve("valid/" + config));
        assertEquals(Set.of(), o.arrival(), config);
        assertTrue(o.nodesCompiled(), config);
        assertEquals(Set.of(), o.nodesLost(), config);
        assertEquals(Set.of(), o.nodesAdded(), config);
        assertEquals("v1.13.6", o.result().talos().talosVersion);
    }

    /** The last YAML form: cluster.yaml + nodes.yaml, given as two --values files (the template's own tests). */
    @ParameterizedTest
    @ValueSource(strings = {"public.yaml", "private.yaml"})
    void yamlEraRoundTrips(String cluster) throws Exception {
        Path checkout = REPOS.resolve("onedr0p-cluster-template@77cc9f5f3863");
        Outcome o = run(checkout, checkout.resolve(".github/tests/" + cluster), checkout.resolve(".github/tests/nodes.yaml"));
        assertEquals(2, o.result().nodes());
        assertEquals(Set.of(), o.arrival(), cluster);
        assertTrue(o.nodesCompiled(), cluster);
        assertEquals(Set.of(), o.nodesLost(), cluster);
        assertEquals(Set.of(), o.nodesAdded(), cluster);
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("vip 10.10.10.254 on net-10-10-10"), root);
        // public.yaml tags VLAN 100 (the address on net0.100); private.yaml has none (on net0 itself)
        assertTrue(cluster.equals("public.yaml") ? root.contains("interface net0 mac 00:00:00:00:00:01\n  interface net0.100 on net-10-10-10 address 10.10.10.101 vlan 100 of net0")
                : root.contains("interface net0 on net-10-10-10 address 10.10.10.101 mac 00:00:00:00:00:01"), root);
    }

    /**
     * The template's invalid configurations, each with one deliberate mistake, and the finding hlc gives on arrival.
     * "-" where the fault is no fault of the cluster hlc describes, or one hlc has no word for (the README's
     * limitation table says which and why).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // an invariant of the cluster: hlc's finding
            "bad-mac-address.toml, HL004",          // AABBCCDDEEFF: no link's MAC ever reads so, the link is never found
            "bad-repo-url.toml, HL004",             // git@github.com:owner/repo.git is no URL Flux clones
            "bad-vlan-tag.toml, HL090",             // VLAN 5000 (twice: the network and the node's VLAN link)
            "duplicate-gateway-addrs.toml, HL026",  // envoy-internal and k8s-gateway on one address
            "duplicate-node-names.toml, HL011",
            "gateway-node-collision.toml, HL026",   // a node on the internal gateway's address
            "node-uses-gateway-addr.toml, HL026",   // a node on the router's address
            "nested-cidr-overlap.toml, HL022",      // node_cidr inside the pod subnet
            "overlapping-cidrs.toml, HL022",        // node_cidr = the pod subnet
            "non-canonical-cidr.toml, HL021",       // 10.10.10.5/24 (the LB pool's block as written)
            "node-addr-outside-cidr.toml, HL030",   // its address puts the control plane on another network than the VIP's
            // the template's own rules, not faults of the cluster: nothing to find
            "bad-bgp-asn.toml, HL031",              // the peer 10.10.1.1, the router at an address off the node network, is reached `via` it: its ASN is checked
            "partial-bgp.toml, -",                  // two of three BGP keys: the template renders no BGP at all
            "missing-dns-token.toml, -",            // a secret: the spec takes it from the vault
            "missing-known-hosts.toml, -",          // the Git server's SSH host keys: not in the language
            "missing-schematic.toml, -",            // hlc computes each node's schematic from its extensions
            "missing-external-gateway.toml, -",     // an unpinned Gateway takes a pool address
            "reserved-node-name.toml, -",           // `controller` is a talhelper patch folder's name, a fine host name
            "tiny-svc-cidr.toml, -",                // CoreDNS's address lives in the chart's values, which hlc does not read
            "tunnel-without-dns.toml, -",           // the template's pairing of ingress and DNS modes
    })
    void eachInvalidConfigGetsItsFinding(String config, String code) throws Exception {
        ImportResult r = Importer.run(TODAY, "lab", null, List.of(TESTS.resolve("invalid/" + config)));
        assertFalse(r.findings().hasErrors(), r.findings().render());
        Path out = tmp.resolve(config);
        Importer.writeFiles(r, out, false);
        Set<String> errors = Arrival.findings(out.resolve(r.rootFile())).reporter().sorted().stream().filter(Diagnostic::isError)
                .map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
        if (code.equals("-")) assertEquals(Set.of(), errors, config);
        else assertTrue(errors.contains(code), config + ": " + errors);
    }

    /** A cluster.toml that is not TOML: IMP01 at its line, nothing rendered or written. */
    @Test
    void aBrokenTomlIsAFindingAtItsLine() throws Exception {
        Path config = tmp.resolve("cluster.toml");
        Files.writeString(config, "[network]\nnode_cidr = \"10.10.10.0/24\"\n[kubernetes.api\naddr = \"10.10.10.254\"\n");
        ImportResult r = Importer.run(TODAY, "lab", null, List.of(config));
        List<Diagnostic> errors = r.findings().sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), r.findings().render());
        assertEquals("IMP01", errors.get(0).code());
        assertEquals(3, errors.get(0).span().line(), r.findings().render());
        assertEquals(0, r.files().size());
    }

    /** A value the template needs and the configuration does not give: IMP11 at the template's line (makejinja's strict undefined). */
    @Test
    void aTemplateThatDoesNotRenderIsAFindingAtItsLine() throws Exception {
        Path checkout = tmp.resolve("my-cluster");
        Files.createDirectories(checkout.resolve("template/config/kubernetes/flux/cluster"));
        Files.copy(TODAY.resolve("makejinja.toml"), checkout.resolve("makejinja.toml"));
        Files.writeString(checkout.resolve("template/config/kubernetes/flux/cluster/ks.yaml.j2"),
                "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: #{ cluster.name }#\n");
        Files.writeString(checkout.resolve("cluster.toml"), Files.readString(TESTS.resolve("valid/single-node.toml")));
        ImportResult r = Importer.run(checkout, "lab", null);
        List<Diagnostic> errors = r.findings().sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of("IMP11"), errors.stream().map(Diagnostic::code).toList(), r.findings().render());
        assertEquals("template/config/kubernetes/flux/cluster/ks.yaml.j2", errors.get(0).span().path());
        assertEquals(5, errors.get(0).span().line());
        assertEquals(0, r.files().size());
    }

    /** --values for a repository that is no cluster-template: said, not ignored. */
    @Test
    void valuesWithoutATemplateAreAFinding() throws Exception {
        ImportResult r = Importer.run(REPOS.resolve("onedr0p-home-ops"), "lab", null, List.of(TESTS.resolve("valid/public.toml")));
        assertEquals(List.of("IMP10"), r.findings().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).toList());
        assertEquals(0, r.files().size());
    }

    @Test
    void everyInvalidConfigIsInTheTable() throws IOException {
        try (Stream<Path> s = Files.list(TESTS.resolve("invalid"))) {
            assertEquals(20, s.count(), "a new invalid configuration in the template's tests: add it to the table");
        }
    }
}
