package hlc.today;

import hlc.Compiler;
import hlc.fmt.Formatter;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Cluster;
import hlc.model.DnsProvider;
import hlc.model.Host;
import hlc.model.Located;
import hlc.model.Spec;
import hlc.model.StorageClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the syntax for the cluster as it runs today means in the model, which the Talos and Flux emitters read:
 * the pieces a user writes in one string (labels, taints) split at the right places with their own columns,
 * dependencies with their namespaces, GPU extensions implied, and the formatter keeping `a@b` and `a/b` whole.
 */
class TodaySyntaxModelTest {

    private static final String SPEC = """
            network lan { cidr 192.168.5.0/24 }
            network lb { cidr 192.168.42.0/24 pool loadbalancer }
            network iot { cidr 192.168.107.0/24 ipv6 fda1:107::/64 vlan 107 }
            cluster main {
              talos v1.13.8
              kubernetes v1.36.3
              endpoint k8s.internal
              node-network lan
              bgp {
                asn 4200000000
                peer 192.168.5.1 asn 64513
              }
              kernel-arg "intel_iommu=on"
              kernel-module nbd
              extension "siderolabs/intel-ucode"
              loadbalancer kube-api 192.168.42.50 on lb dns k8s.internal dns api.internal
              flux {
                layout namespaced
                substitute-from cluster-secrets [SECRET_DOMAIN, TIMEZONE]
                namespace media { components [alerts, kopiur/secret] }
              }
            }
            host gpu-1 {
              role controlplane
              gpu nvidia "RTX 3090"
              extension "siderolabs/nvidia-container-toolkit-production"
              extension "siderolabs/mei"
              label "topology.kubernetes.io/zone=w"
              taint "nvidia.com/gpu=present:NoSchedule"
              taint "dedicated:NoExecute"
              volume EPHEMERAL { max-size 75GiB disk "disk.transport == 'nvme'" size 1TB }
              user-volume local-hdd { min-size 900GiB disk "disk.rotational" grow true }
              interface net0 driver e1000e
              interface bond0 on lan address 192.168.5.211 dhcp bond active-backup [net0]
              interface bond0.107 vlan 107 of bond0 on iot
            }
            storage-class hdd { static on gpu-1 size 900GiB default binding wait-for-first-consumer mount-option "noatime" }
            service cloudflare { kind dns }
            dns-provider external-dns { target cloudflare domains [t0m.co, "${CEAPP_DOMAIN}"] sources [crd] txt-prefix "k8s." }
            backup kopiur { source pvcs to cloudflare schedule "0 */4 * * *" schedule "0 */12 * * *" for [plex] keep hourly 12 retention 7d }
            backup mirror { source backup kopiur to cloudflare every 1d }
            app secret-stores { namespace external-secrets }
            app plex { namespace media depends [secret-stores@external-secrets] }
            app kometa { namespace media depends [plex, secret-stores@external-secrets] components [kopiur/backup] multus 192.168.107.11 on iot via 192.168.107.1 version 4.5.1 }
            """;

    private static Spec spec() {
        Compiler.Result r = Compiler.checkText("today.hl", SPEC);
        assertEquals(List.of(), r.reporter().sorted(), "the spec of this test must check clean");
        return r.spec();
    }

    @Test
    void labelsAndTaintsAreSplitWithTheColumnsOfTheirParts() {
        Host h = spec().hosts().get(0);
        Host.Label zone = h.labels().get(0);
        assertEquals("topology.kubernetes.io/zone", zone.key().value());
        assertEquals("w", zone.value().value());
        // `  label "topology...` : the key starts after the quote, the value after the `=`.
        assertEquals(10, zone.key().span().column());
        assertEquals(10 + "topology.kubernetes.io/zone=".length(), zone.value().span().column());

        Host.Taint gpu = h.taints().get(0);
        assertEquals(List.of("nvidia.com/gpu", "present", "NoSchedule"),
                List.of(gpu.key().value(), gpu.value().value(), gpu.effect().value()));
        Host.Taint dedicated = h.taints().get(1);
        assertEquals("dedicated", dedicated.key().value());
        assertNull(dedicated.value(), "a taint without `=` has no value");
        assertEquals("NoExecute", dedicated.effect().value());
    }

    @Test
    void theGpuImpliesItsExtensionsAndNoneIsListedTwice() {
        Spec s = spec();
        assertEquals(List.of("siderolabs/intel-ucode", "siderolabs/nonfree-kmod-nvidia-production",
                        "siderolabs/nvidia-container-toolkit-production", "siderolabs/mei"),
                s.hosts().get(0).allExtensions(s.cluster().extensions()));
    }

    @Test
    void interfacesVolumesAndTheStaticStorageClass() {
        Spec s = spec();
        Host h = s.hosts().get(0);
        Host.Interface bond = h.interfaceNamed("bond0");
        assertTrue(bond.isDhcp());
        assertEquals("192.168.5.211", bond.address().text());
        Host.Interface vlan = h.interfaceNamed("bond0.107");
        assertEquals(107, vlan.vlan().id().value());
        assertEquals("bond0", vlan.vlan().parent().text());
        assertFalse(h.interfaceNamed("net0").isDhcp());

        Host.Volume eph = h.volumes().get(0);
        assertEquals("EPHEMERAL", eph.name().text());
        assertEquals(new BigDecimal(75L << 30), eph.maxSize().bytes());
        assertEquals("disk.transport == 'nvme'", eph.disk().value());
        assertEquals("1TB", eph.diskSize().text());
        Host.Volume hdd = h.userVolumes().get(0);
        assertNull(hdd.maxSize());
        assertTrue(hdd.grow().value());

        StorageClass sc = s.storageClasses().get(0);
        StorageClass.Static st = assertInstanceOf(StorageClass.Static.class, sc.backend());
        assertEquals("gpu-1", st.host().text());
        assertEquals("wait-for-first-consumer", sc.binding().text());
        assertEquals(List.of("noatime"), sc.mountOptions().stream().map(Located::value).toList());
    }

    @Test
    void clusterEndpointBgpAndFlux() {
        Cluster c = spec().cluster();
        assertEquals("k8s.internal", c.endpoint().text());
        assertEquals("lan", c.nodeNetwork().text());
        assertEquals(4200000000L, c.bgp().asn().value(), "four-byte ASNs fit");
        assertEquals("192.168.5.1", c.bgp().peers().get(0).address().address().text());
        assertEquals(64513L, c.bgp().peers().get(0).asn().value());
        assertEquals(List.of("k8s.internal", "api.internal"),
                c.loadBalancers().get(0).dnsNames().stream().map(n -> n.text()).toList());
        assertTrue(c.flux().namespaced());
        assertEquals("cluster-secrets", c.flux().substituteFrom().text());
        assertEquals(List.of("SECRET_DOMAIN", "TIMEZONE"), c.flux().substituteVariables().stream().map(n -> n.text()).toList());
        Cluster.Namespace media = c.flux().namespaces().get(0);
        assertEquals(List.of("alerts", "kopiur/secret"), media.components().stream().map(Located::value).toList());
        assertEquals(List.of("intel_iommu=on"), c.kernelArgs().stream().map(Located::value).toList());
    }

    @Test
    void dependenciesKeepTheirNamespaceAndBareNamesMeanTheAppsOwn() {
        App kometa = spec().apps().get(2);
        assertEquals(List.of("plex", "secret-stores"), kometa.depends().stream().map(n -> n.text()).toList(),
                "`depends` keeps the bare app names it always had");
        App.Dependency plex = kometa.dependencies().get(0);
        App.Dependency stores = kometa.dependencies().get(1);
        assertNull(plex.namespace());
        assertEquals("media", kometa.namespaceOf(plex));
        assertEquals("external-secrets", kometa.namespaceOf(stores));
        assertEquals(List.of("kopiur/backup"), kometa.components().stream().map(Located::value).toList());
        App.Multus m = kometa.multus().get(0);
        assertEquals(List.of("192.168.107.11", "iot", "192.168.107.1"), List.of(m.address().text(), m.network().text(), m.via().text()));
        assertEquals("4.5.1", kometa.version().value());
    }

    @Test
    void dnsProvidersAndBackups() {
        Spec s = spec();
        DnsProvider p = s.dnsProviders().get(0);
        assertEquals("cloudflare", p.target().text());
        assertEquals(List.of("t0m.co", "${CEAPP_DOMAIN}"), p.domains().stream().map(Located::value).toList());
        assertEquals("k8s.", p.txtPrefix().value());
        Backup kopiur = s.backups().get(0);
        assertEquals("0 */4 * * *", kopiur.schedule().value());
        assertEquals("0 */12 * * *", kopiur.schedulesFor().get(0).schedule().value());
        assertEquals("plex", kopiur.schedulesFor().get(0).apps().get(0).text());
        assertEquals(12, kopiur.keeps().get(0).count().value());
        assertEquals(java.time.Duration.ofDays(7), kopiur.retention().value());
        Backup.Mirror mirror = assertInstanceOf(Backup.Mirror.class, s.backups().get(1).source());
        assertEquals("kopiur", mirror.backup().text());
    }

    @Test
    void theFormatterKeepsQualifiedNamesAndComponentPathsWhole() {
        Formatter.Result r = Formatter.formatText("t.hl", "app a { namespace x depends [ b @ y , c ] components [ kopiur / backup ] }\n");
        assertEquals("""
                app a {
                  namespace x
                  depends [b@y, c]
                  components [kopiur/backup]
                }
                """, r.text());
    }
}
