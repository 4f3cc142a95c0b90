package hlc.today;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster as it runs today (spec/examples/home-ops-today.hl and its per-namespace files) checks clean, and
 * each mistake a user could make in it is caught with its code, in the right file, at the token that is wrong:
 * one edit of the real spec per case, and exactly one finding for it.
 */
class HomeOpsTodayMutationTest {
    private static final Path ROOT = Path.of(System.getProperty("hlc.project.dir", "."));
    private static final Path EXAMPLES = ROOT.resolve("spec/examples");
    private static final String MAIN = "home-ops-today.hl";

    @TempDir
    Path tmp;

    /**
     * An edit: in {@code file}, replace {@code from} (which occurs once) by {@code to}; the finding must be
     * {@code code} at the first character of {@code at}, the last piece of {@code to} spelled so.
     */
    record Mutation(String what, String file, String from, String to, String at, String code) {}

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("a load-balancer address outside its pool", MAIN,
                    "loadbalancer plex 192.168.42.103 on lb", "loadbalancer plex 192.168.43.103 on lb", "192.168.43.103", "HL023"),
            new Mutation("a load balancer on the node network", MAIN,
                    "loadbalancer pairdrop 192.168.42.102 on lb", "loadbalancer pairdrop 192.168.5.102 on lan", "lan", "HL027"),
            new Mutation("a load balancer at the last address of its pool", MAIN,
                    "loadbalancer qbittorrent-race 192.168.42.105 on lb", "loadbalancer qbittorrent-race 192.168.42.255 on lb",
                    "192.168.42.255", "HL028"),
            new Mutation("two load balancers on one address", MAIN,
                    "loadbalancer jellyfin 192.168.42.104 on lb", "loadbalancer jellyfin 192.168.42.103 on lb",
                    "192.168.42.103", "HL026"),
            new Mutation("a dependency on a missing app", "home-ops-today/media.hl",
                    "depends [prowlarr]", "depends [prowlar]", "prowlar", "HL010"),
            new Mutation("a dependency naming the wrong namespace", "home-ops-today/observability.hl",
                    "depends [secret-stores@external-secrets, plex@media]",
                    "depends [secret-stores@external-secrets, plex@default]", "default", "HL071"),
            new Mutation("a bare dependency on an app of another namespace", "home-ops-today/network.hl",
                    "depends [certificates-import]\n  wait", "depends [cert-manager]\n  wait", "cert-manager", "HL071"),
            new Mutation("a VLAN on a link the host does not have", MAIN,
                    "interface bond0.99 vlan 99 of bond0 on vpn mtu 1500\n  interface ceph0 on ceph address 192.168.43.12",
                    "interface bond0.99 vlan 99 of bond1 on vpn mtu 1500\n  interface ceph0 on ceph address 192.168.43.12",
                    "bond1", "HL093"),
            new Mutation("a VLAN interface tagging another VLAN than its network's", MAIN,
                    "interface bond0.107 vlan 107 of bond0 on iot mtu 1500\n  interface bond0.99 vlan 99 of bond0 on vpn mtu 1500\n  interface ceph0 on ceph address 192.168.43.13",
                    "interface bond0.107 vlan 108 of bond0 on iot mtu 1500\n  interface bond0.99 vlan 99 of bond0 on vpn mtu 1500\n  interface ceph0 on ceph address 192.168.43.13",
                    "108", "HL093"),
            new Mutation("an ASN out of range", MAIN, "asn 64514", "asn 4294967296", "4294967296", "HL031"),
            new Mutation("a BGP peer the control planes cannot reach", MAIN,
                    "peer 192.168.5.1 asn 64513", "peer 192.168.1.1 asn 64513", "192.168.1.1", "HL032"),
            new Mutation("an API endpoint nothing resolves", MAIN,
                    "endpoint k8s.internal", "endpoint kube.internal", "kube.internal", "HL033"),
            new Mutation("a taint with a misspelled effect", MAIN,
                    "taint \"nvidia.com/gpu=present:NoSchedule\"", "taint \"nvidia.com/gpu=present:NoSchedul\"",
                    "NoSchedul", "HL084"),
            new Mutation("a label value Kubernetes refuses", MAIN,
                    "label \"topology.kubernetes.io/zone=w\"", "label \"topology.kubernetes.io/zone=w!\"", "w!", "HL084"),
            new Mutation("a volume whose min-size is above its max-size", MAIN,
                    "max-size 75GiB", "min-size 100GiB\n    max-size 75GiB", "100GiB", "HL044"),
            new Mutation("two nodes with one DHCP reservation", MAIN,
                    "address 192.168.5.213 dhcp", "address 192.168.5.212 dhcp", "192.168.5.212", "HL026"),
            new Mutation("a DHCP reservation outside its network", MAIN,
                    "address 192.168.5.211 dhcp", "address 192.168.6.211 dhcp", "192.168.6.211", "HL023"),
            new Mutation("a Multus address outside its network", "home-ops-today/home-automation.hl",
                    "multus 192.168.107.50 on iot", "multus 192.168.99.50 on iot", "192.168.99.50", "HL023"),
            new Mutation("a static storage class on a host that does not exist", MAIN,
                    "static on ai3090", "static on ai309", "ai309", "HL010"));

    @Test
    void theExampleChecksClean() throws IOException {
        Path main = copyExample();
        List<Diagnostic> found = Compiler.check(main).reporter().sorted();
        assertEquals(List.of(), found);
    }

    @TestFactory
    Stream<DynamicTest> eachMistakeIsCaughtWhereItIs() {
        return MUTATIONS.stream().map(m -> DynamicTest.dynamicTest(m.what(), () -> caught(m)));
    }

    private void caught(Mutation m) throws IOException {
        Path main = copyExample();
        Path file = main.resolveSibling(m.file());
        String text = Files.readString(file);
        int from = text.indexOf(m.from());
        assertTrue(from >= 0 && text.indexOf(m.from(), from + 1) < 0, "`" + m.from() + "` must occur once in " + m.file());
        String mutated = text.substring(0, from) + m.to() + text.substring(from + m.from().length());
        Files.writeString(file, mutated);

        int at = from + m.to().lastIndexOf(m.at());
        String before = mutated.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');

        List<Diagnostic> found = Compiler.check(main).reporter().sorted();
        assertEquals(List.of(m.code() + " " + m.file() + ":" + line + ":" + column),
                found.stream().map(d -> d.code() + " " + relative(main, d) + ":" + d.span().line() + ":" + d.span().column()).toList(),
                () -> "findings: " + found.stream().map(Diagnostic::fullMessage).toList());
    }

    private static String relative(Path main, Diagnostic d) {
        return main.getParent().relativize(d.span().file().path()).toString().replace('\\', '/');
    }

    /** The example and its imports in a folder of their own, so that each test edits its own copy. */
    private Path copyExample() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "today");
        Files.copy(EXAMPLES.resolve(MAIN), dir.resolve(MAIN));
        Path apps = Files.createDirectories(dir.resolve("home-ops-today"));
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("home-ops-today"))) {
            for (Path f : files.toList()) Files.copy(f, apps.resolve(f.getFileName()));
        }
        return dir.resolve(MAIN);
    }
}
