package hlc.whatif;

import hlc.Compiler;
import hlc.diag.TextRenderer;
import hlc.model.Spec;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Small specs for the what-if tests: a LAN, a cluster with its VIP on it, and hosts written one line each. Every
 * spec must check clean, warnings included, so a test can never pass on a spec hlc would refuse.
 */
final class Lab {
    private Lab() {}

    static final String HEADER = """
            network lan { cidr 192.168.5.0/24 }
            cluster main { talos v1.10.7  kubernetes v1.33.3  vip 192.168.5.200 on lan }
            """;

    /** A control plane on the LAN at 192.168.5.{n}, with {@code osds} OSDs and anything else in {@code extra}. */
    static String cp(String name, int n, int osds, String extra) {
        return host(name, "controlplane", n, osds, extra);
    }

    static String cp(String name, int n, int osds) {
        return cp(name, n, osds, "");
    }

    static String worker(String name, int n, int osds) {
        return host(name, "worker", n, osds, "");
    }

    private static String host(String name, String role, int n, int osds, String extra) {
        String disks = IntStream.rangeClosed(1, osds)
                .mapToObj(i -> "osd \"/dev/disk/by-id/" + name + "-" + i + "\"")
                .collect(Collectors.joining(" "));
        return "host " + name + " { role " + role + " interface eth0 on lan address 192.168.5." + n + " " + disks
                + " " + extra + " }\n";
    }

    /** A Rook cluster with one pool. */
    static String pool(String name, int replicas, int minSize, String domain) {
        return "ceph rook-ceph { public-network lan  pool " + name + " { replicas " + replicas + " min-size " + minSize
                + " failure-domain " + domain + " } }\n";
    }

    /** The header plus the blocks, checked. */
    static Spec spec(String... blocks) {
        return checked(HEADER + String.join("", blocks));
    }

    /** A whole spec, checked; fails the test with the findings when there are any. */
    static Spec checked(String text) {
        Compiler.Result r = Compiler.checkText("lab.hl", text);
        assertFalse(r.reporter().hasErrors() || r.reporter().warningCount() > 0, () -> "the test spec does not check clean:\n"
                + new TextRenderer(false).render(r.reporter().sorted(), r.reporter().errorCount(), r.reporter().warningCount())
                + "\n" + text);
        return r.spec();
    }

    static Scenario fail(Spec spec, String... hosts) {
        return Scenario.of(spec, java.util.List.of(hosts));
    }

    static Report whatIf(Spec spec, String... hosts) {
        return new WhatIf(spec).analyse(fail(spec, hosts));
    }
}
