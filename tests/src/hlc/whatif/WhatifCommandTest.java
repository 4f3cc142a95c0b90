package hlc.whatif;

import hlc.testing.Hlc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hlc whatif} end to end: its table, its JSON, and its exit codes. */
class WhatifCommandTest {

    /** The table's rows: the lines after the header, up to the blank line before the legend. */
    static List<String> rows(String table) {
        List<String> lines = table.lines().toList();
        return lines.subList(1, lines.indexOf(""));
    }

    @Test
    void allOnTheHomelabHasThreeSingleAndThreeDoubleRows() {
        Hlc r = Hlc.run("whatif", "--all", Hlc.homelab());
        assertEquals(0, r.exit(), r.err());
        List<String> failed = rows(r.out()).stream().map(l -> l.split("  ")[0].trim()).toList();
        assertEquals(List.of("k8s-1", "k8s-2", "k8s-3", "k8s-1, k8s-2", "k8s-1, k8s-3", "k8s-2, k8s-3"), failed);
        assertTrue(r.out().startsWith("failed "), r.out());
    }

    @Test
    void jsonHasOneScenarioPerRow() throws IOException {
        Hlc r = Hlc.run("whatif", "--all", "--format", "json", Hlc.homelab());
        assertEquals(0, r.exit(), r.err());
        JsonNode scenarios = new ObjectMapper().readTree(r.out()).get("scenarios");
        assertEquals(6, scenarios.size());
        JsonNode double12 = scenarios.get(3);
        assertEquals("[\"k8s-1\",\"k8s-2\"]", double12.get("failed").toString());
        assertEquals(false, double12.get("etcd").get("atQuorum").asBoolean());
        assertEquals("read-only/blocked", double12.get("pools").get(0).get("state").asText());
        assertEquals("lost-no-quorum", double12.get("vip").get("outcome").asText());
    }

    @Test
    void theOrderOfFailedHostsDoesNotMatter() {
        Hlc a = Hlc.run("whatif", "--fail", "k8s-3,k8s-2", Hlc.homelab());
        Hlc b = Hlc.run("whatif", "--fail", "k8s-2", "--fail", "k8s-3", Hlc.homelab());
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().startsWith("What if k8s-2 and k8s-3 fail?"), a.out());
    }

    @Test
    void anUnknownHostIsAUsageErrorWithASuggestion() {
        Hlc r = Hlc.run("whatif", "--fail", "k8s-1,k8s2", Hlc.homelab());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("`k8s2`") && r.err().contains("did you mean `k8s-2`?"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void failAndAllTogetherOrNeitherAreUsageErrors() {
        assertEquals(2, Hlc.run("whatif", "--all", "--fail", "k8s-1", Hlc.homelab()).exit());
        assertEquals(2, Hlc.run("whatif", Hlc.homelab()).exit());
    }

    @Test
    void aSpecWithErrorsPrintsItsFindingsAndExitsOne(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("broken.hl");
        Files.writeString(spec, """
                network lan { cidr 192.168.5.0/24 }
                host n1 { role controlplane interface eth0 on lan address 192.168.5.11 osd "/dev/disk/by-id/a" }
                ceph rook-ceph { public-network lan  pool blocks { replicas 3 } }
                """);
        Hlc r = Hlc.run("whatif", "--fail", "n1", spec.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("error[HL040]"), r.err());
        assertEquals("", r.out(), "no report for a spec that does not check");
    }
}
