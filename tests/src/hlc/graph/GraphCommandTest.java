package hlc.graph;

import hlc.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code hlc graph} end to end: what goes to stdout and stderr, and the exit code. */
class GraphCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private Path write(String text) throws IOException {
        Path p = dir.resolve("lab.hl");
        Files.writeString(p, text);
        return p;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The README shows the real lab's diagram; it must be the one hlc draws today, not an old picture. */
    @Test
    void theReadmeShowsTheDiagramOfTheRealSpec() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        assertEquals(0, Main.run("graph", root.resolve("spec/homelab.hl").toString()), err());
        String shown = "```mermaid\n" + out() + "```\n";
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.contains(shown), "README.md's diagram is stale; paste this under `## Diagrams`:\n" + shown);
    }

    @Test
    void aCleanSpecIsDrawnInMermaidByDefault() throws IOException {
        Path spec = write(TopologyGraphTest.SPEC);
        assertEquals(0, Main.run("graph", spec.toString()));
        assertEquals(MermaidWriter.write(TopologyGraph.of(TopologyGraphTest.spec(TopologyGraphTest.SPEC))), out());
        assertEquals("", err(), "nothing to say about a clean spec");
    }

    @Test
    void dotAndAppsAreOptions() throws IOException {
        Path spec = write(TopologyGraphTest.SPEC + "app a { namespace x depends [b] }\napp b { namespace x }\n");
        assertEquals(0, Main.run("graph", "--format", "dot", spec.toString()));
        assertTrue(out().startsWith("digraph \"topology\" {"), out());
        out.reset();
        assertEquals(0, Main.run("graph", "--apps", "--format", "dot", spec.toString()));
        assertTrue(out().startsWith("digraph \"apps\" {"), out());
        assertTrue(out().contains("\"app_a\" -> \"app_b\";"), out());
    }

    @Test
    void aSpecWithErrorsIsNotDrawnAndItsFindingsArePrinted() throws IOException {
        Path spec = write("network lan { cidr 192.168.1.0/24 }\nhost a { role controlplane  interface eth0 on lan address 192.168.2.1 }\n");
        assertEquals(1, Main.run("graph", spec.toString()));
        assertEquals("", out(), "no diagram of a wrong spec");
        assertTrue(err().contains("error[HL023]"), err());
        assertTrue(err().contains("1 error, 0 warnings"), err());
    }

    @Test
    void warningsArePrintedAndTheSpecIsStillDrawn() throws IOException {
        Path spec = write("""
                network lan { cidr 192.168.1.0/24 }
                host a { role controlplane  interface eth0 on lan address 192.168.1.11 }
                host b { role controlplane  interface eth0 on lan address 192.168.1.12 }
                """);
        assertEquals(0, Main.run("graph", spec.toString()));
        assertTrue(err().contains("warning[HL061]"), err());
        assertTrue(out().startsWith("flowchart LR"), out());
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertEquals(2, Main.run("graph", dir.resolve("nope.hl").toString()));
        assertTrue(err().contains("no such file"), err());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws IOException {
        assertEquals(2, Main.run("graph", "--format", "svg", write("").toString()));
        assertEquals("", out());
    }

    @Test
    void outputIsUtf8WhateverTheLocale() throws IOException {
        Path spec = write("network lan { cidr 192.168.1.0/24  vlan 5 }\n");
        assertEquals(0, Main.run("graph", spec.toString()));
        assertTrue(out().contains("lan · 192.168.1.0/24 · VLAN 5"), out());
    }
}
