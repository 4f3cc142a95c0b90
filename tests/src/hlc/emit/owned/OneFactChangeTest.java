package hlc.emit.owned;

import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One fact changed in a bundled spec changes exactly the files that carry that fact, no more (nothing hlc
 * writes depends on it by accident) and no less (every resource that states it follows the spec).
 */
class OneFactChangeTest {
    private static EmitFixtures.Run homelab;
    private static EmitFixtures.Run today;

    @BeforeAll
    static void compile() {
        homelab = Compiles.clean(Compiles.homelab());
        today = Compiles.clean(Compiles.today());
    }

    private static List<String> homelabAfter(String from, String to) {
        return Compiles.changedPaths(homelab, Compiles.changed(Compiles.homelab(), "homelab.hl", from, to));
    }

    private static List<String> todayAfter(String file, String from, String to) {
        return Compiles.changedPaths(today, Compiles.changed(Compiles.today(), file, from, to));
    }

    @Test
    void aLoadBalancerAddressOnTheLanMovesItsPoolBlockAndItsRecords() {
        assertEquals(List.of("dns/dnsendpoints.yaml", "dns/unifi-static-dns.json", "flux/cluster/cluster-settings.yaml",
                        "network/cilium/pool-lan.yaml"),
                homelabAfter("loadbalancer envoy-external 192.168.5.241 on lan", "loadbalancer envoy-external 192.168.5.242 on lan"));
    }

    @Test
    void thePeerAsnChangesTheBgpClusterConfigAlone() {
        assertEquals(List.of("network/cilium/bgp-cluster-config.yaml"),
                todayAfter("home-ops-today.hl", "peer 192.168.5.1 asn 64513", "peer 192.168.5.1 asn 64512"));
    }

    @Test
    void theClusterAsnChangesTheBgpClusterConfigAlone() {
        assertEquals(List.of("network/cilium/bgp-cluster-config.yaml"),
                todayAfter("home-ops-today.hl", "asn 64514", "asn 64600"));
    }

    @Test
    void thePoolNetworkChangesThePoolAlone() {
        // every load-balancer address of the spec (.31 to .106) is in the lower half
        assertEquals(List.of("network/cilium/pool-lb.yaml"),
                todayAfter("home-ops-today.hl", "cidr 192.168.42.0/24", "cidr 192.168.42.0/25"));
    }

    @Test
    void anOsdSelectorOfOneHostChangesTheRookValuesAlone() {
        String k8s2 = "address 192.168.43.12 driver r8169 speed \"2.5GbE\" mtu 1500\n  osd \"/dev/disk/by-id/ata-SAMSUNG*\"";
        assertEquals(List.of("rook/rook-ceph-cluster-values.yaml"),
                homelabAfter(k8s2, k8s2.replace("ata-SAMSUNG*", "nvme-Samsung_SSD_990*")));
    }

    @Test
    void theCephPublicNetworkChangesTheRookValuesAlone() {
        // the same network, now also the replication network: only Rook's address ranges say which is which
        assertEquals(List.of("rook/rook-ceph-cluster-values.yaml"),
                homelabAfter("cluster-network ceph", "cluster-network lan"));
    }

    @Test
    void theVaultEndpointChangesItsStoreAlone() {
        assertEquals(List.of("secret-stores/akeyless.yaml"),
                homelabAfter("endpoint \"https://api.akeyless.io\"", "endpoint \"https://gw.akeyless.example\""));
    }

    /** The VolSync component every backed-up app includes: its schedule and retention are written there once. */
    private static final List<String> VOLSYNC_APPS = List.of("backup/volsync/volsync/volsync.yaml");

    @Test
    void theVolsyncPeriodChangesTheComponentEveryBackedUpAppIncludesAndNothingElse() {
        assertEquals(VOLSYNC_APPS, homelabAfter("every 6h", "every 12h"));
    }

    @Test
    void aKeepLineReachesEveryReplicationSource() {
        assertEquals(VOLSYNC_APPS, homelabAfter("every 6h", "every 6h\n  keep daily 7"));
    }

    @Test
    void theCnpgScheduleChangesItsScheduledBackupAlone() {
        assertEquals(List.of("backup/cnpg/database/cnpg-cluster.yaml"),
                homelabAfter("schedule \"0 6 * * *\"", "schedule \"0 7 * * *\""));
    }

    @Test
    void theCnpgRetentionChangesBothObjectStoresAlone() {
        assertEquals(List.of("backup/cnpg/database/cnpg-cluster.yaml", "backup/cnpg/database/cnpg-pgvector-cluster.yaml"),
                todayAfter("home-ops-today.hl", "retention 7d", "retention 14d"));
    }

    @Test
    void aMultusAddressChangesItsAttachmentAlone() {
        assertEquals(List.of("network/multus/home-automation/home-assistant-iot.yaml"),
                todayAfter("home-ops-today/home-automation.hl", "multus 192.168.107.50 on iot", "multus 192.168.107.60 on iot"));
    }

    @Test
    void aProviderSettingChangesThatProvidersValuesAlone() {
        assertEquals(List.of("dns/providers/unifi-dns-values.yaml"),
                todayAfter("home-ops-today.hl", "txt-prefix \"k8s.main.\"", "txt-prefix \"k8s.lan.\""));
        assertEquals(List.of("dns/providers/external-dns-values.yaml"),
                todayAfter("home-ops-today.hl", "owner default", "owner public"));
    }

    @Test
    void aLoadBalancersDnsNameChangesItsRecordAlone() {
        assertEquals(List.of("dns/unifi-static-dns.json"),
                todayAfter("home-ops-today.hl", "192.168.42.101 on lb dns scrutiny.internal", "192.168.42.101 on lb dns disks.internal"));
    }

    @Test
    void aPublicLoadBalancersNameChangesTheCnamesAndItsLanRecordAlone() {
        assertEquals(List.of("dns/dnsendpoints.yaml", "dns/unifi-static-dns.json"),
                todayAfter("home-ops-today.hl", "on lb dns external.t0m.co public", "on lb dns edge.t0m.co public"));
    }

    @Test
    void aHostsAddressChangesItsRecordWithItsTalosFacts() {
        // the host's record is k8s-3.internal now: the LAN's static records carry it, no public provider does
        List<String> changed = homelabAfter("address 192.168.5.213", "address 192.168.5.214");
        org.junit.jupiter.api.Assertions.assertTrue(changed.contains("dns/unifi-static-dns.json") && changed.contains("dns/dnsendpoints.yaml"), changed.toString());
    }

    @Test
    void theRepositoryPasswordOfABackupToANasExportChangesTheComponentAlone() {
        String to = "  to synology export backups\n  secret \"volsync/restic-password\" from akeyless\n  every 6h";
        EmitFixtures.Run nas = Compiles.changed(Compiles.homelab(), "homelab.hl", "  to backblaze-b2\n  every 6h", to);
        EmitFixtures.Run other = Compiles.changed(Compiles.homelab(), "homelab.hl", "  to backblaze-b2\n  every 6h",
                to.replace("volsync/restic-password", "volsync/nas-password"));
        assertEquals(VOLSYNC_APPS, Compiles.changedPaths(nas, other));
        // and moving the backup from B2 to the export changes that component alone too: no app Kustomization follows
        assertEquals(VOLSYNC_APPS, Compiles.changedPaths(homelab, nas));
    }
}
