package hlc.lsp;

import hlc.testing.Hlc;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Completion at the places of a spec where a user asks for it, on the bundled spec with one line changed:
 * `|` in the line marks the cursor. The attributes come from the grammar, so these lists are HomeLab.g4's.
 */
class CompletionTest {
    @TempDir
    Path dir;

    /** Completion labels at the `|` of a line that replaces the line containing {@code anchor}. */
    private List<String> at(String anchor, String line) throws Exception {
        String text = Files.readString(Hlc.project().resolve("spec/homelab.hl"));
        int start = text.lastIndexOf('\n', text.indexOf(anchor)) + 1;
        int end = text.indexOf('\n', start);
        String edited = text.substring(0, start) + line.replace("|", "") + text.substring(end);
        int cursor = start + line.indexOf('|');
        Path spec = dir.resolve("homelab.hl");
        Files.writeString(spec, edited);
        var doc = new DocumentStore.Document(spec.toUri().toString(), spec, edited, 1);
        SpecAnalyzer.Analysis a = SpecAnalyzer.analyze(spec, Map.of(spec, doc));
        return CompletionProvider.complete(a, edited, Positions.position(edited, cursor)).stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void topLevelOffersTheBlockKindsAndImport() throws Exception {
        List<String> l = at("site home {", "|");
        assertTrue(l.containsAll(List.of("import", "site", "network", "cluster", "host", "device", "ceph", "storage-class",
                "service", "backup", "app", "dns-provider")), l.toString());
        assertFalse(l.contains("cidr"), l.toString());
    }

    @Test
    void aPrefixNarrowsTheList() throws Exception {
        assertEquals(List.of("storage-class", "service"), at("site home {", "s|").stream().filter(x -> !x.equals("site")).toList());
    }

    @Test
    void nestedBlocksHaveTheirOwnAttributes() throws Exception {
        List<String> flux = at("interval 1h", "    |");
        assertTrue(flux.containsAll(List.of("repository", "branch", "path", "interval", "layout", "substitute-from", "namespace")), flux.toString());
        assertFalse(flux.contains("talos"), flux.toString());
        List<String> root = at("interval 1h", "    root repos { path \"./kubernetes/flux/repositories\" | }");
        assertEquals(Set.of("path", "namespace", "wait", "prune", "interval"), Set.copyOf(root), "a flux root's attributes");
        assertTrue(flux.containsAll(List.of("root", "apps-depend")), flux.toString());
        List<String> pool = at("replicas 3", "    |");
        assertTrue(pool.containsAll(List.of("replicas", "min-size", "failure-domain", "compression")), pool.toString());
    }

    @Test
    void anInterfaceLineContinuesWithInterfaceAttributes() throws Exception {
        List<String> l = at("interface net0 driver e1000e speed \"1GbE\"", "  interface net0 driver e1000e |");
        assertTrue(l.containsAll(List.of("on", "dhcp", "vlan", "address", "driver", "bond", "mtu", "speed")), l.toString());
        assertFalse(l.contains("role"), l.toString());
    }

    @Test
    void slotsOfferDeclaredNamesOfTheirKind() throws Exception {
        assertEquals(List.of("udm-pro", "synology", "k8s-1", "k8s-2", "k8s-3"), at("gateway udm-pro", "  gateway |"));
        List<String> deps = at("depends [rook-ceph]", "  depends [rook-ceph, |]");
        assertTrue(deps.contains("rook-ceph") && deps.contains("rook-ceph-cluster"), deps.toString());
        List<String> classes = at("storage ceph-ssd", "  storage |");
        assertTrue(classes.contains("ceph-ssd"), classes.toString());
        assertEquals(List.of("ceph-blockpool"), at("ceph ceph-blockpool", "  ceph |"));
    }

    @Test
    void fixedChoicesAndBooleans() throws Exception {
        assertEquals(List.of("true", "false"), at("kube-proxy false", "  kube-proxy |"));
        assertEquals(List.of("cilium", "calico", "flannel", "none"), at("cni cilium", "  cni |"));
        assertEquals(List.of("host", "osd", "rack", "zone"), at("failure-domain host", "    failure-domain |"));
    }

    @Test
    void aVipSlotOffersFreeAddressesOfItsNetwork() throws Exception {
        List<String> l = at("vip 192.168.5.210 on lan", "  vip | on lan");
        assertEquals("192.168.5.2", l.get(0), l.toString());
        assertFalse(l.contains("192.168.5.1") || l.contains("192.168.5.10"), "the gateway and the NAS have those: " + l);
        List<String> ceph = at("vip 192.168.5.210 on lan", "  vip | on ceph");
        assertEquals("192.168.43.1", ceph.get(0), "nothing uses .1 on the Ceph network: " + ceph);
        assertFalse(ceph.contains("192.168.43.11"), ceph.toString());
    }

    @Test
    void withoutANetworkOnTheLineEachNetworkOffersItsFirstFreeAddress() throws Exception {
        assertEquals(List.of("192.168.5.2", "192.168.43.1"), at("vip 192.168.5.210 on lan", "  vip |"));
    }

    @Test
    void nothingInsideAComment() throws Exception {
        assertEquals(List.of(), at("site home {", "// a comment |"));
    }
}
