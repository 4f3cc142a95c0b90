package hlc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --format on check and compile: machine formats on stdout, and an exit code that does not depend on them. */
class OutputFormatTest {
    static final String BROKEN = """
            network lan { cidr 192.168.5.0/24 }
            cluster main { talos v1.10.7 kubernetes v1.33.3 }
            host k8s-1 {
              role controlplane
              interface eth0 on lan address 192.168.6.11
            }
            """;

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    @Test
    void everyFormatExitsLikeText() throws Exception {
        Path spec = Files.writeString(dir.resolve("broken.hl"), BROKEN);
        String[][] commands = {{"check", spec.toString()}, {"compile", spec.toString(), "--out", dir.resolve("out").toString()}};
        for (String[] command : commands) {
            int text = run(command);
            assertEquals(1, text, command[0]);
            for (String format : new String[]{"json", "sarif", "github"}) {
                String[] withFormat = java.util.Arrays.copyOf(command, command.length + 2);
                withFormat[command.length] = "--format";
                withFormat[command.length + 1] = format;
                assertEquals(text, run(withFormat), command[0] + " --format " + format);
            }
        }
    }

    @Test
    void sarifAndGithubGoToStdout() throws Exception {
        Path spec = Files.writeString(dir.resolve("broken.hl"), BROKEN);

        run("check", spec.toString(), "--format", "sarif");
        JsonNode log = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("HL023", log.at("/runs/0/results/0/ruleId").asText());
        assertEquals(spec.toString().replace('\\', '/').replaceFirst("^/", "file:///"),
                log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText(),
                "a spec outside the working folder keeps its absolute path, as a file URI");

        run("compile", spec.toString(), "--format", "github", "--out", dir.resolve("out").toString());
        String commands = out.toString(StandardCharsets.UTF_8);
        assertTrue(commands.startsWith("::error file="), commands);
        assertTrue(commands.contains(",line=5,col=33,endColumn=44,title=HL023::"), commands);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 error, 0 warnings"), "the summary stays on stderr");
    }
}
