package hlc.lsp;

import hlc.testing.Hlc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real editor as the client: Neovim's built-in LSP client (Debian's package, `apt-get install neovim`; .ci/run
 * installs it), set up with the README's Neovim 0.7 snippet as its init.lua, starts `hlc lsp`, opens a copy of
 * the bundled spec with one address outside its network, and a Lua script writes down the diagnostics and a
 * hover as Neovim received them.
 */
class NeovimClientTest {
    @TempDir
    Path dir;

    @Test
    void neovimShowsTheFindingAndAHover() throws Exception {
        Path nvim = onPath("nvim");
        Assumptions.assumeTrue(nvim != null, "nvim is not installed (apt-get install -y neovim); .ci/run installs it, so CI runs this test");

        Path spec = dir.resolve("homelab.hl");
        String text = Files.readString(Hlc.project().resolve("spec/homelab.hl"))
                .replace("interface bond0 on lan address 192.168.5.212", "interface bond0 on lan address 192.168.6.212");
        Files.writeString(spec, text);
        String[] lines = text.split("\n", -1);
        int badLine = 0;
        while (!lines[badLine].contains("192.168.6.212")) badLine++;
        int badColumn = lines[badLine].indexOf("192.168.6.212");
        int lanColumn = lines[badLine].indexOf("on lan") + 3;

        // The README's `/path/to/hlc`: a launcher running this build's classes, as ./hlc runs the jar.
        Path launcher = dir.resolve("hlc");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' hlc.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
        Path init = dir.resolve("init.lua");
        Files.writeString(init, readmeSnippet().replace("/path/to/hlc", launcher.toString()));

        Path out = dir.resolve("nvim-out.txt");
        Path script = Hlc.project().resolve("tests/resources/nvim/diagnostics-and-hover.lua");
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-n", "-i", "NONE", "-u", init.toString(),
                spec.toString(), "-c", "luafile " + script).directory(dir.toFile());
        pb.environment().put("HLC_OUT", out.toString());
        pb.environment().put("HLC_HOVER_LINE", String.valueOf(badLine));
        pb.environment().put("HLC_HOVER_CHAR", String.valueOf(lanColumn));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("nvim-log.txt").toFile());
        Process p = pb.start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String got = Files.exists(out) ? Files.readString(out) : "";
        assertTrue(done, "nvim finished; it wrote: " + got + "\nlog: " + Files.readString(dir.resolve("nvim-log.txt")));
        assertEquals(0, p.exitValue(), got);

        List<String> diagnostics = got.lines().filter(l -> l.startsWith("diagnostic ")).toList();
        assertEquals(List.of("diagnostic " + (badLine + 1) + ":" + (badColumn + 1) + " HL023 address 192.168.6.212 of interface "
                + "`bond0` of host `k8s-2` is outside network `lan` (192.168.5.0/24)"), diagnostics);
        assertTrue(got.contains("hover **network `lan`**"), got);
        assertTrue(got.contains("- CIDR 192.168.5.0/24"), got);
        assertTrue(got.contains("- gateway `udm-pro` (192.168.5.1)"), got);
    }

    /** The Lua block after the README's `<!-- neovim-0.7 -->` marker. */
    private static String readmeSnippet() throws java.io.IOException {
        String readme = Files.readString(Hlc.project().resolve("README.md"));
        int marker = readme.indexOf("<!-- neovim-0.7 -->");
        assertTrue(marker >= 0, "the README has the Neovim 0.7 snippet");
        int start = readme.indexOf("```lua\n", marker) + "```lua\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static Path onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
