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
                   Set<String> nodesLost, Set<String> nodesAdded, boolean nodesCompiled, List<String> cephLost,
                   List<String> cephAdded, List<String> bgpLost, List<String> bgpAdded, List<String> dnsLost,
                   List<String> dnsAdded) {}

    /** A fact of Rook's values or the classes they make ({@link CephRoundTrip}), not of a Kustomization. */
    static boolean isCeph(String fact) {
        return fact.startsWith("ceph ") || fact.startsWith("storageclass ");
    }

    /** A fact of Cilium's BGP resources ({@link BgpRoundTrip}). */
    static boolean isBgp(String fact) {
        return fact.startsWith("bgp ");
    }

    /** A fact of an external-dns release ({@link ExternalDnsRoundTrip}). */
    static boolean isExternalDns(String fact) {
        return fact.startsWith("external-dns ");
    }

    /** A fact of a Kustomization or namespace folder: none of the infrastructure round trips'. */
    static boolean isFlux(String fact) {
        return !isCeph(fact) && !isBgp(fact) && !isExternalDns(fact);
    }

    /**
     * The peer imported as the repository has it, `via` the node network (the router at its address on another
     * VLAN, reached by the nodes' DHCP default route): the local ASN, the peer's address and ASN, its families and
     * advertisement and the speakers all round-trip (their facts are on both sides, none lost).
     */
    static void bgpRoundTrips(Outcome o, String peerLine, String peer) {
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("\n    " + peerLine + "\n"), root);
        assertTrue(o.bgpLost().stream().noneMatch(f -> f.startsWith("bgp peer " + peer + " asn") || f.startsWith("bgp localASN")
                || f.startsWith("bgp speaker") || f.contains(" family ")), String.join("\n", o.bgpLost()));
    }

    /**
     * Rook's values round-trip but for the network provider: the chart's default (the pod network) becomes
     * hlc's host network, which is all it writes.
     */
    static void cephRoundTripsButTheProvider(Outcome o) {
        assertEquals(List.of("ceph rook-ceph network provider (pod network)"), o.cephLost());
        assertEquals(List.of("ceph rook-ceph network provider host"), o.cephAdded());
    }

    Outcome run(String folder) throws Exception {
        Path repo = EmitFixtures.projectDir().resolve("../shared/reference/repos/" + folder);
        ImportResult r = Importer.run(repo, "lab", null);
        assertFalse(r.findings().hasErrors(), folder + ":\n" + r.findings().render());
        Path out = tmp.resolve(folder);
        Importer.writeFiles(r, out, false);
        Path root = out.resolve(r.rootFile());
        Compiler.Result arrival = Arrival.findings(root);
        Set<String> codes = arrival.reporter().sorted().stream().map(Diagnostic::code).collect(Collectors.toCollection(TreeSet::new));
        List<String> lost = List.of(), added = List.of(), cephLost = List.of(), cephAdded = List.of();
        List<String> bgpLost = List.of(), bgpAdded = List.of(), dnsLost = List.of(), dnsAdded = List.of();
        if (r.flux() != null) {
            RoundTrip.Result rt = RoundTrip.compare(r.flux(), root);
            lost = rt.lost().stream().filter(ReferenceRepositoriesTest::isFlux).toList();
            added = rt.added().stream().filter(ReferenceRepositoriesTest::isFlux).toList();
            bgpLost = rt.lost().stream().filter(ReferenceRepositoriesTest::isBgp).toList();
            bgpAdded = rt.added().stream().filter(ReferenceRepositoriesTest::isBgp).toList();
            dnsLost = rt.lost().stream().filter(ReferenceRepositoriesTest::isExternalDns).toList();
            dnsAdded = rt.added().stream().filter(ReferenceRepositoriesTest::isExternalDns).toList();
            cephLost = rt.lost().stream().filter(ReferenceRepositoriesTest::isCeph).toList();
            cephAdded = rt.added().stream().filter(ReferenceRepositoriesTest::isCeph).toList();
        }
        Set<String> repoNodes = TalosRoundTrip.repositoryFacts(r.talos());
        Set<String> compiled = TalosRoundTrip.compiledFacts(Compiler.check(root), root);
        Set<String> nodesLost = new TreeSet<>(repoNodes);
        nodesLost.removeAll(compiled);
        Set<String> nodesAdded = new TreeSet<>(compiled);
        nodesAdded.removeAll(repoNodes);
        return new Outcome(r, codes, lost, added, nodesLost, nodesAdded, !compiled.isEmpty(), cephLost, cephAdded,
                bgpLost, bgpAdded, dnsLost, dnsAdded);
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
        // the Gateways' pinned addresses are in the pool on both sides of the round trip; miroir's classes have no word
        assertTrue(LoadBalancerRoundTrip.repositoryFacts(o.result().flux()).contains("loadbalancer envoy-external 192.168.69.126 in a pool"));
        assertTrue(o.result().files().get("lab.hl").contains("// not imported: storage class miroir-slow (kubernetes/apps/miroir-system/miroir/config/"
                + "storageclass.yaml:20): the language has no word for the provisioner miroir.home-operations.com"), o.result().files().get("lab.hl"));
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
        // external-dns's chart values as dns-providers: cloudflare-dns to a service, and unifi-dns's webhook to the
        // controller its UNIFI_HOST names (https://unifi.internal in the HelmRelease), declared as a device
        assertTrue(o.result().files().get("lab.hl").contains("""
                dns-provider cloudflare-dns {
                  target cloudflare
                  domains [turbo.ac]
                  sources [crd, gateway-httproute]
                  txt-prefix "k8s.%{record_type}-"
                  owner default
                  policy sync
                """), o.result().files().get("lab.hl"));
        assertTrue(o.result().files().get("lab.hl").contains("""
                device unifi {
                  kind gateway
                  controller "https://unifi.internal"
                }
                """), o.result().files().get("lab.hl"));
        assertTrue(o.result().files().get("lab.hl").contains("""
                dns-provider unifi-dns {
                  target unifi
                  webhook "ghcr.io/home-operations/external-dns-unifi-webhook 0.10.11@sha256:e8c93980f593c5d6a75870e6eb2c288003f2baa227fcbb5e41ec23ecbfd6cbe9"
                  domains [turbo.ac]
                  sources [gateway-httproute, service]
                  txt-prefix "k8s.main.%{record_type}-"
                  owner main
                  policy sync
                """), o.result().files().get("lab.hl"));
        // Rook's values: OSDs on every node by one path filter, the pool, the filesystem and their classes
        assertTrue(o.result().files().get("lab.hl").contains("""
                ceph rook-ceph {
                  // not imported: Rook network.connections (kubernetes/apps/rook-ceph/rook-ceph/cluster/helmrelease.yaml:47)
                  osd-filter "/dev/disk/by-id/nvme-Micron_7450_MTFDKBA800TFS_.*"
                """), o.result().files().get("lab.hl"));
        assertTrue(o.result().files().get("lab.hl").contains("""
                  pool ceph-blockpool {
                    replicas 3
                    failure-domain host
                    compression passive zstd
                  }
                  filesystem ceph-filesystem {
                    replicas 3
                    failure-domain host
                  }
                }

                storage-class ceph-block {
                  ceph ceph-blockpool
                  default
                  expandable
                  reclaim delete
                  binding immediate
                  mount-option "discard"
                }

                storage-class ceph-filesystem {
                  cephfs ceph-filesystem
                """), o.result().files().get("lab.hl"));
        cephRoundTripsButTheProvider(o);
        assertEquals(0, o.result().healthChecks()); // each is an app's `health-check`, none a comment
        // the router 192.168.1.1, reached from the nodes' 192.168.42.0/24 (etcd's advertised subnet) by DHCP's route;
        // the peer config's 9 s/3 s timers have no word: Cilium's defaults are written, and the difference listed
        bgpRoundTrips(o, "peer 192.168.1.1 asn 64513 via net-192-168-42", "192.168.1.1");
        assertEquals(List.of("bgp peer 192.168.1.1 holdTimeSeconds 9", "bgp peer 192.168.1.1 keepAliveTimeSeconds 3"), o.bgpLost());
        assertEquals(List.of("bgp peer 192.168.1.1 holdTimeSeconds 90", "bgp peer 192.168.1.1 keepAliveTimeSeconds 30"), o.bgpAdded());
        // external-dns: provider, webhook, domains, sources, TXT registry and policy round-trip; Cloudflare's own
        // arguments and the Gateway filter have no word
        assertEquals(List.of("external-dns cloudflare-dns arg --cloudflare-dns-records-per-page=1000",
                "external-dns cloudflare-dns arg --cloudflare-proxied", "external-dns cloudflare-dns arg --gateway-name=envoy-external",
                "external-dns cloudflare-dns arg --zone-id-filter=$(CF_ZONE_ID)"), o.dnsLost());
        assertEquals(List.of(), o.dnsAdded());
    }

    /**
     * The API's load balancer (10.1.6.50) is in a pool given as a start/stop range: the pool becomes a network
     * (the smallest CIDR holding the range) with exactly that range, the load balancer is on it with the API
     * endpoint's name, and the spec checks clean (no HL033 although the one node takes its address by DHCP).
     */
    @Test
    void bjwsHomeOps() throws Exception {
        Outcome o = run("bjw-s-labs-home-ops");
        assertTrue(LoadBalancerRoundTrip.repositoryFacts(o.result().flux()).contains("loadbalancer envoy-internal 10.1.6.42 in a pool"));
        assertTrue(o.result().files().get("lab.hl").contains("// not imported: storage class miroir-replicated (kubernetes/apps/miroir-system/miroir/config/"
                + "storageclass.yaml:25): the language has no word for the provisioner miroir.home-operations.com"), o.result().files().get("lab.hl"));
        assertEquals(92, o.result().kustomizations()); // SOURCES.md: 93, the root included
        assertEquals(1, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("network lb-pool {\n  cidr 10.1.6.0/24\n  pool loadbalancer range 10.1.6.30 to 10.1.6.199\n}"), root);
        assertTrue(root.contains("\n  endpoint k8s.bjw-s.internal\n"), root);
        assertTrue(root.contains("\n  loadbalancer kube-api 10.1.6.50 on lb-pool dns k8s.bjw-s.internal\n"), root);
        assertTrue(root.contains("dns-provider externaldns-ovh {\n  target ovh\n  domains [bjw-s.dev]\n  sources [crd, gateway-httproute]\n"), root);
        // the UniFi gateway at 10.1.0.1 (its controller address too), reached from the node subnet 10.1.1.0/24
        bgpRoundTrips(o, "peer 10.1.0.1 asn 64513 via net-10-1-1", "10.1.0.1");
        assertEquals(List.of(), o.bgpLost());
        assertEquals(List.of(), o.bgpAdded());
        assertEquals(List.of("external-dns externaldns-ovh arg --gateway-name=envoy-external",
                "external-dns externaldns-unifi webhook arg --crd-source-apiversion=externaldns.k8s.io/v1alpha1",
                "external-dns externaldns-unifi webhook arg --crd-source-kind=DNSEndpoint"), o.dnsLost());
        assertEquals(List.of(), o.dnsAdded());
        assertEquals(Set.of("patches"), kinds(o.fluxLost()), String.join("\n", o.fluxLost()));
        assertEquals(List.of(), o.fluxAdded());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
    }

    /**
     * buroa's sync path holds two roots: flux-repositories (the shared OCIRepository app-template, applied into
     * flux-system and waited for), and cluster-apps depending on it. The first is the flux block's `root`, the
     * dependency its `apps-depend`: both round-trip, and only cluster-apps's own patches are lost.
     */
    @Test
    void buroaK8sGitops() throws Exception {
        Outcome o = run("buroa-k8s-gitops");
        assertEquals(69, o.result().kustomizations()); // SOURCES.md: 71, the two roots included
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        // external-dns from its app-template container's arguments; the UniFi webhook instance, run beside it as an
        // init container with UNIFI_HOST https://unifi.internal, targets that controller as a device
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("""
                device unifi {
                  kind gateway
                  controller "https://unifi.internal"
                }
                """), root);
        assertTrue(root.contains("""
                dns-provider external-dns-unifi {
                  target unifi
                  webhook "ghcr.io/home-operations/external-dns-unifi-webhook 0.10.11@sha256:e8c93980f593c5d6a75870e6eb2c288003f2baa227fcbb5e41ec23ecbfd6cbe9"
                  domains [k13.dev]
                  sources [gateway-httproute, service]
                  txt-prefix "k8s.%{record_type}-"
                  owner k8s
                  policy sync
                """), root);
        assertTrue(root.contains("""
                dns-provider external-dns-cloudflare {
                  target cloudflare
                  domains [k13.dev]
                  sources [gateway-httproute]
                  txt-prefix "k8s.%{record_type}-"
                  owner k8s
                  policy sync
                """), root);
        assertTrue(root.contains("""
                    root flux-repositories {
                      path "./kubernetes/flux/repositories"
                      namespace flux-system
                      wait
                    }
                """), root);
        assertTrue(root.contains("\n    apps-depend [flux-repositories]\n"), root);
        assertEquals(List.of("patches"), List.copyOf(kinds(o.fluxLost())), String.join("\n", o.fluxLost()));
        assertTrue(o.fluxLost().stream().allMatch(f -> f.startsWith("flux-system/cluster-apps ")));
        assertTrue(RoundTrip.repositoryFacts(o.result().flux()).contains("flux-system/flux-repositories path kubernetes/flux/repositories"),
                "the root's path is compared");
        assertTrue(root.contains("\n  osd-filter \"/dev/disk/by-id/nvme-SAMSUNG_MZQL23T8HCLS-00A07_.*\"\n"), root);
        cephRoundTripsButTheProvider(o);
        // OpenEBS's hostpath class from its chart values (localpv-provisioner.hostpathClass, basePath
        // /var/mnt/local-hostpath): a storage class whose StorageClass round-trips (the lists above are exact)
        assertTrue(root.contains("storage-class openebs-hostpath {\n  hostpath \"/var/mnt/local-hostpath\"\n  reclaim delete\n"
                + "  binding wait-for-first-consumer\n}"), root);
        assertTrue(StorageRoundTrip.repositoryFacts(o.result().flux()).contains("storageclass openebs-hostpath parameter BasePath /var/mnt/local-hostpath"));
        assertTrue(LoadBalancerRoundTrip.repositoryFacts(o.result().flux()).contains("loadbalancer envoy-internal 192.168.20.81 in a pool"));
        assertEquals(List.of(), o.fluxAdded());
        assertTrue(o.nodesCompiled());
        // networking.yaml.j2 (the 802.3ad bond, its DHCP and VLAN 30) is a layer of every node, and its links
        // round-trip like the rest
        assertTrue(root.contains("\n  interface bond0 on net-192-168-10-28 dhcp bond 802.3ad [enp5s0f0np0, enp5s0f1np1] mtu 9000\n"), root);
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
        // the router 192.168.0.1, reached from the node subnet 192.168.10.0/28 by its DHCP route; all BGP facts round-trip
        bgpRoundTrips(o, "peer 192.168.0.1 asn 64513 via net-192-168-10-28", "192.168.0.1");
        assertEquals(List.of(), o.bgpLost());
        assertEquals(List.of(), o.bgpAdded());
        // the app-template container's arguments compare with the chart values hlc writes
        assertEquals(List.of("external-dns external-dns-cloudflare arg --cloudflare-dns-records-per-page=1000",
                "external-dns external-dns-cloudflare arg --cloudflare-proxied", "external-dns external-dns-cloudflare arg --gateway-name=envoy-external",
                "external-dns external-dns-cloudflare arg --zone-id-filter=$(CF_ZONE_ID)"), o.dnsLost());
        assertEquals(List.of(), o.dnsAdded());
    }

    @Test
    void tscibiliaHomeOps() throws Exception {
        Outcome o = run("tscibilia-home-ops");
        assertEquals(133, o.result().kustomizations());
        // what spec/examples/home-ops-today.hl says by hand (t0m.co is ${SECRET_DOMAIN} there)
        assertTrue(o.result().files().get("lab.hl").contains("""
                dns-provider external-dns {
                  target cloudflare
                  domains ["${SECRET_DOMAIN}", "${CEAPP_DOMAIN}"]
                  sources [crd, gateway-httproute]
                  txt-prefix "k8s."
                  owner default
                  policy sync
                """), o.result().files().get("lab.hl"));
        // its peer is on the node network (192.168.5.0/24): a plain peer, and every BGP fact round-trips
        assertTrue(o.result().files().get("lab.hl").contains("\n    peer 192.168.5.1 asn 64513\n"));
        assertEquals(List.of(), o.bgpLost());
        assertEquals(List.of(), o.bgpAdded());
        assertEquals(List.of("external-dns external-dns arg --cloudflare-dns-records-per-page=1000",
                "external-dns external-dns arg --gateway-name=envoy-external"), o.dnsLost());
        assertEquals(List.of(), o.dnsAdded());
        // four apps (cnpg-operator, external-secrets, envoy-gateway, pocket-id) wait and have health checks, which
        // Flux then ignores: a finding on arrival the user wants
        assertEquals(Set.of("HL131"), o.arrival());
        // Rook's host network on the node and storage networks, OSDs on every node's Samsung SSDs: all round-trip
        assertTrue(o.result().files().get("lab.hl").contains("ceph rook-ceph {\n  public-network net-192-168-5\n  cluster-network net-192-168-43\n"
                + "  // not imported: Rook network.connections"), o.result().files().get("lab.hl"));
        assertTrue(o.result().files().get("lab.hl").contains("\n  osd-filter \"/dev/disk/by-id/ata-SAMSUNG*\"\n"));
        assertEquals(List.of(), o.cephLost());
        assertEquals(List.of(), o.cephAdded());
        assertTrue(CephRoundTrip.repositoryFacts(o.result().flux()).contains("ceph rook-ceph storage devicePathFilter /dev/disk/by-id/ata-SAMSUNG*"));
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

    /**
     * talhelper with inline patches, a VIP, bonds and VLANs; Talos v1.10: the classic form writes the VLANs under
     * their parent's {@code vlans}, and the install disk is picked by talhelper's {@code installDiskSelector}
     * (model "Samsung SSD 870"), imported as {@code install-disk { model … }}: every node fact round-trips.
     */
    @Test
    void bjwsTalhelperEra() throws Exception {
        Outcome o = run("bjw-s-labs-home-ops@8dbb400a10bc");
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
        assertTrue(o.result().files().get("lab.hl").contains("\n  install-disk {\n    model \"Samsung SSD 870\"\n  }\n"));
        assertTrue(TalosRoundTrip.repositoryFacts(o.result().talos()).stream().anyMatch(f -> f.endsWith(" install-disk-selector model=Samsung SSD 870")));
        assertTrue(TalosRoundTrip.repositoryFacts(o.result().talos()).stream().anyMatch(f -> f.contains(" vlan ")), "the repository's VLANs are compared");
        assertFalse(o.result().files().get("lab.hl").contains("not imported: VLAN link"));
    }

    /**
     * talhelper, Talos v1.9 (the classic form) and a routed Thunderbolt ring: each node's two thunderbolt-net ports,
     * selected by their Thunderbolt bus paths (talhelper's {@code deviceSelector: busPath: 0-1.0}), carry MTU 65520
     * and the node's one /32, with a link-scope host route to each peer. The import says each port is a
     * {@code thunderbolt} link, so the MTU is in range (no HL092) and the shared address is the ring's shape (no
     * HL124); the spec checks clean, compiles, and every node fact round-trips: bus paths and routes included.
     */
    @Test
    void buroaTalhelperEra() throws Exception {
        Outcome o = run("buroa-k8s-gitops@d43165743dda");
        assertEquals(3, o.result().nodes());
        assertEquals(Set.of(), o.arrival());
        assertTrue(o.nodesCompiled());
        assertEquals(Set.of(), o.nodesLost());
        assertEquals(Set.of(), o.nodesAdded());
        String root = o.result().files().get("lab.hl");
        assertTrue(root.contains("\n  talos v1.9.4\n"), root);
        assertTrue(root.contains("  interface net4 on net-169-254-255-10 address 169.254.255.10 thunderbolt \"1-1.0\" mtu 65520 route 169.254.255.11/32 metric 2048\n"), root);
        assertTrue(root.contains("  interface net5 on net-169-254-255-10 address 169.254.255.10 thunderbolt \"0-1.0\" mtu 65520 route 169.254.255.12/32 metric 2048\n"), root);
        assertFalse(root.contains("hlc:allow"), "the ring needs no acknowledgement: its links are said to be Thunderbolt ones");
        Set<String> facts = TalosRoundTrip.repositoryFacts(o.result().talos());
        assertTrue(facts.contains("m1 link net4 bus-path 0-1.0"), String.join("\n", facts));
        assertTrue(facts.contains("m1 link net4 route 169.254.255.10/32 metric 2048"), String.join("\n", facts));
        assertTrue(facts.contains("m2 link net5 mtu 65520"), String.join("\n", facts));
        assertEquals(6, facts.stream().filter(f -> f.contains(" route ")).count(), "two host routes per node are compared");
    }

    /**
     * cluster-template is a template (makejinja, `#{ }#`): its copies hold the samples only, so the import says which
     * file to fill in (IMP10). Filled with the template's own test configurations, each imports, checks and
     * round-trips: ClusterTemplateImportTest.
     */
    @ParameterizedTest
    @ValueSource(strings = {"onedr0p-cluster-template", "onedr0p-cluster-template@77cc9f5f3863", "onedr0p-cluster-template@e393b81888ba"})
    void clusterTemplateWantsItsConfiguration(String folder) throws Exception {
        Path repo = EmitFixtures.projectDir().resolve("../shared/reference/repos/" + folder);
        ImportResult r = Importer.run(repo, "lab", null);
        assertEquals(Set.of("IMP10"), r.findings().sorted().stream().filter(Diagnostic::isError).map(Diagnostic::code).collect(Collectors.toSet()));
    }
}
