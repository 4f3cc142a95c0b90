package hlc.graph;

import hlc.Compiler;
import hlc.graph.Graph.Edge;
import hlc.graph.Graph.Style;
import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topology of a small lab that has one of everything: the model first, then the text of both writers. */
class TopologyGraphTest {
    static final String SPEC = """
            site home { domain example.com }
            network lan { cidr 192.168.1.0/24  gateway gw  vlan 10  mtu 1500 }
            network storage { cidr 10.10.0.0/24 }
            network mgmt { cidr 10.20.0.0/24  gateway 10.20.0.1 }
            cluster c {
              talos v1.10.7  kubernetes v1.33.3  vip 192.168.1.100 on lan
              loadbalancer ingress 192.168.1.200 on lan
            }
            host node-a {
              model "Lenovo ThinkCentre M70q Tiny Gen 3"  role controlplane  gpu i915 "Intel UHD 770"
              interface eth0 on lan address 192.168.1.11
              interface eth1 on storage address 10.10.0.11 speed "2.5GbE"
              osd "/dev/disk/by-id/ata-SSD1" size 1TB
            }
            host node-b {
              role worker
              interface eth1 on storage address 10.10.0.12
              interface eth0 on mgmt address 10.20.0.5
            }
            device gw { kind gateway  model "UniFi Dream Machine Pro"  address 192.168.1.1 on lan }
            device nas { kind nas  address 192.168.1.10 on lan  export media "/volume1/media" }
            ceph rook { public-network lan  cluster-network storage  pool blocks { replicas 1  compression aggressive zstd } }
            storage-class fast { ceph blocks  default  expandable }
            storage-class bulk { nfs media on nas  reclaim retain }
            storage-class local { hostpath "/var/local" }
            service b2 { kind object-storage  purpose "Backup Storage" }
            service vault { kind vault }
            backup pvc { tool volsync  method restic  source pvcs  to b2  every 6h }
            backup db { tool cnpg  method barman  source postgres  to b2  schedule "0 6 * * *" }
            backup snap { tool synology  method snapshot  source export media on nas  to nas  every 1d }
            """;

    static Spec spec(String text) {
        Compiler.Result r = Compiler.checkText("test.hl", text);
        assertFalse(r.reporter().hasErrors(), () -> r.reporter().sorted().toString());
        return r.spec();
    }

    private final Graph g = TopologyGraph.of(spec(SPEC));

    @Test
    void networksAreGroupsInNameOrderThenCephThenTheClusterThenTheCloud() {
        assertEquals(List.of("g_net_lan", "g_net_mgmt", "g_net_storage", "g_ceph_rook", "g_k8s", "g_cloud"),
                g.groups().stream().map(Graph.Group::id).toList());
        assertEquals(List.of("lan · 192.168.1.0/24 · VLAN 10", "mgmt · 10.20.0.0/24", "storage · 10.10.0.0/24",
                        "Rook-Ceph rook", "cluster c · Talos v1.10.7 · Kubernetes v1.33.3", "External services (cloud)"),
                g.groups().stream().map(Graph.Group::label).toList());
    }

    @Test
    void aNetworkNodeCarriesWhatLivesOnTheNetworkItself() {
        assertEquals(List.of("lan", "MTU 1500", "VIP 192.168.1.100", "LB ingress 192.168.1.200"), g.node("net_lan").lines());
        assertEquals(List.of("gateway", "10.20.0.1"), g.node("gw_mgmt").lines(), "a gateway given as an address is a node");
        assertEquals("g_net_mgmt", g.node("gw_mgmt").group());
    }

    @Test
    void hostsAndDevicesAreDrawnInTheNetworkTheirDefaultRouteUses() {
        Graph.Node a = g.node("host_node_a");
        assertEquals(List.of("node-a", "controlplane · Lenovo M70q", "GPU i915 · Intel UHD 770"), a.lines());
        assertEquals("g_net_lan", a.group());
        assertEquals("g_net_mgmt", g.node("host_node_b").group(), "mgmt has a gateway, storage has none");
        assertEquals(List.of("node-b", "worker"), g.node("host_node_b").lines());
        assertEquals(List.of("gw", "gateway · UniFi Dream Machine Pro"), g.node("dev_gw").lines());
        assertEquals("g_net_lan", g.node("export_nas_media").group(), "an export is drawn with its device");
    }

    @Test
    void storageAndServicesHaveTheirGroups() {
        assertEquals(List.of("rook", "1 OSD on 1 host"), g.node("ceph_rook").lines());
        assertEquals(List.of("blocks", "1 replicas · min 1 · per host", "compression aggressive zstd"), g.node("pool_blocks").lines());
        assertEquals(List.of("fast", "default · expandable"), g.node("sc_fast").lines());
        assertEquals("g_k8s", g.node("hostpath_var_local").group());
        assertEquals(List.of("PVCs"), g.node("data_pvcs").lines());
        assertEquals(List.of("b2", "Backup Storage"), g.node("svc_b2").lines());
        assertEquals(List.of("vault", "vault"), g.node("svc_vault").lines(), "no purpose: the kinds");
        assertEquals("g_cloud", g.node("svc_vault").group());
    }

    @Test
    void everyLinkIsAnEdgeAndNothingElseIs() {
        Set<Edge> expected = Set.of(
                new Edge("host_node_a", "net_lan", "eth0 192.168.1.11", Style.SOLID),
                new Edge("host_node_a", "net_storage", "eth1 10.10.0.11 · 2.5GbE", Style.SOLID),
                new Edge("host_node_b", "net_mgmt", "eth0 10.20.0.5", Style.SOLID),
                new Edge("host_node_b", "net_storage", "eth1 10.10.0.12", Style.SOLID),
                new Edge("dev_gw", "net_lan", "192.168.1.1 · gateway", Style.SOLID),
                new Edge("dev_nas", "net_lan", "192.168.1.10", Style.SOLID),
                new Edge("dev_nas", "export_nas_media", "export", Style.SOLID),
                new Edge("gw_mgmt", "net_mgmt", "", Style.SOLID),
                new Edge("host_node_a", "ceph_rook", "OSD ata-SSD1 1TB", Style.SOLID),
                new Edge("ceph_rook", "net_lan", "public network", Style.DOTTED),
                new Edge("ceph_rook", "net_storage", "cluster network", Style.DOTTED),
                new Edge("ceph_rook", "pool_blocks", "", Style.SOLID),
                new Edge("sc_fast", "pool_blocks", "Ceph RBD", Style.SOLID),
                new Edge("sc_bulk", "export_nas_media", "NFS", Style.SOLID),
                new Edge("sc_local", "hostpath_var_local", "hostpath", Style.SOLID),
                new Edge("data_pvcs", "svc_b2", "VolSync restic every 6h", Style.THICK),
                new Edge("data_postgres", "svc_b2", "CNPG barman cron 0 6 * * *", Style.THICK),
                new Edge("export_nas_media", "dev_nas", "Synology snapshot every 1d", Style.THICK));
        assertEquals(expected, Set.copyOf(g.edges()));
        assertEquals(expected.size(), g.edges().size());
    }

    @Test
    void mermaidText() {
        String m = MermaidWriter.write(g);
        assertTrue(m.startsWith("flowchart LR\n  subgraph g_net_lan [\"lan · 192.168.1.0/24 · VLAN 10\"]\n"), m);
        assertContainsLine(m, "    host_node_a[\"node-a<br/>controlplane · Lenovo M70q<br/>GPU i915 · Intel UHD 770\"]");
        assertContainsLine(m, "    pool_blocks[(\"blocks<br/>1 replicas · min 1 · per host<br/>compression aggressive zstd\")]");
        assertContainsLine(m, "  ceph_rook -.->|\"public network\"| net_lan");
        assertContainsLine(m, "  data_pvcs ==>|\"VolSync restic every 6h\"| svc_b2");
        assertContainsLine(m, "  ceph_rook --> pool_blocks");
        RoundTrip.mermaid(g, m);
    }

    @Test
    void dotText() {
        String d = DotWriter.write(g);
        assertTrue(d.startsWith("digraph \"topology\" {\n  graph [rankdir=LR"), d);
        assertContainsLine(d, "  subgraph \"cluster_g_net_lan\" {");
        assertContainsLine(d, "    \"host_node_a\" [label=\"node-a\\ncontrolplane · Lenovo M70q\\nGPU i915 · Intel UHD 770\", shape=box];");
        assertContainsLine(d, "  \"data_pvcs\" -> \"svc_b2\" [label=\"VolSync restic every 6h\", style=bold, penwidth=2];");
        assertContainsLine(d, "  \"ceph_rook\" -> \"net_lan\" [label=\"public network\", style=dashed];");
        RoundTrip.dot(g, d);
    }

    @Test
    void aGatewayWithoutAnAddressOnItsNetworkIsStillLinked() {
        // Such a spec is HL023 (no node of `lan` could route through `router`), so `hlc graph` never draws it;
        // the graph is still built whole from its model.
        Compiler.Result r = Compiler.checkText("test.hl", """
                network lan { cidr 192.168.1.0/24  gateway router }
                network wan { cidr 10.0.0.0/24 }
                device router { kind gateway  address 10.0.0.1 on wan }
                """);
        assertEquals(List.of("HL023"), r.reporter().sorted().stream().map(d -> d.code()).toList());
        Graph h = TopologyGraph.of(r.spec());
        assertTrue(h.edges().contains(new Edge("dev_router", "net_lan", "gateway", Style.SOLID)), h.edges()::toString);
        assertEquals("g_net_wan", h.node("dev_router").group());
    }

    @Test
    void namesThatAreMermaidKeywordsOrCollideAfterSanitizingGetDistinctSafeIds() {
        Graph h = TopologyGraph.of(spec("""
                network end { cidr 10.0.0.0/24 }
                service a-b { kind vpn }
                service a_b { kind vpn }
                service end { kind vpn }
                """));
        assertEquals(List.of("net_end", "svc_a_b", "svc_a_b_2", "svc_end"), h.nodes().stream().map(Graph.Node::id).toList());
        RoundTrip.check(h);
    }

    @Test
    void anEmptySpecIsAnEmptyDiagram() {
        Graph h = TopologyGraph.of(spec(""));
        assertTrue(h.nodes().isEmpty() && h.groups().isEmpty() && h.edges().isEmpty());
        assertEquals("flowchart LR\n", MermaidWriter.write(h));
        RoundTrip.check(h);
    }

    @Test
    void aGraphThatNamesAMissingNodeIsRejected() {
        var node = new Graph.Node("a", List.of("a"), Graph.Shape.BOX, null);
        assertThrows(IllegalArgumentException.class, () -> new Graph("x", Graph.Direction.LR, List.of(), List.of(node),
                List.of(new Edge("a", "b", "", Style.SOLID))));
        assertThrows(IllegalArgumentException.class, () -> new Graph("x", Graph.Direction.LR, List.of(),
                List.of(new Graph.Node("a", List.of("a"), Graph.Shape.BOX, "nogroup")), List.of()));
    }

    static void assertContainsLine(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), () -> "no line\n" + line + "\nin\n" + text);
    }
}
