package hlc.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DirectArgs} against picocli: every command line it takes must give the command object picocli's parse
 * of the annotations gives, and every command line it leaves to picocli is one picocli refuses, asks help of, or
 * that is not plain. This is what keeps the two in step when someone changes an option.
 */
class DirectArgsTest {
    /** Command lines the direct path takes: each must match picocli's parse field for field. */
    static final List<List<String>> PLAIN = List.of(
            List.of("check", "spec/homelab.hl"),
            List.of("check", "spec/homelab.hl", "--strict"),
            List.of("check", "--strict", "spec/homelab.hl"),
            List.of("check", "spec/homelab.hl", "--format", "json"),
            List.of("check", "spec/homelab.hl", "--format=sarif", "--color", "never"),
            List.of("check", "a b.hl", "--format", "github", "--color=always", "--strict"),
            List.of("compile", "spec/homelab.hl"),
            List.of("compile", "spec/homelab.hl", "--check"),
            List.of("compile", "spec/homelab.hl", "--out", "elsewhere", "--check"),
            List.of("compile", "spec/homelab.hl", "-o", "x/y"),
            List.of("compile", "--out=o", "spec/homelab.hl", "--secrets", "s.yaml", "--strict", "--format", "json"),
            List.of("fmt", "a.hl"),
            List.of("fmt", "--check", "a.hl", "b.hl"),
            List.of("fmt", "a.hl", "--write"),
            List.of("fmt", "a.hl", "b.hl"),
            List.of("gate"),
            List.of("gate", "--staged"),
            List.of("gate", "--spec", "spec/homelab.hl"),
            List.of("gate", "--spec=s.hl", "-o", "o", "--repo", "r", "--staged", "--format", "json", "--color", "never"),
            List.of("gate", "--out=elsewhere", "--strict"));

    /** Command lines left to picocli. */
    static final List<List<String>> NOT_PLAIN = List.of(
            List.of("check"),
            List.of("check", "a.hl", "b.hl"),
            List.of("check", "--help"),
            List.of("check", "-h"),
            List.of("check", "a.hl", "--format", "yaml"),
            List.of("check", "a.hl", "--format"),
            List.of("check", "a.hl", "--strict", "--strict"),
            List.of("check", "a.hl", "--stric"),
            List.of("check", "a.hl", "--", "b.hl"),
            List.of("check", "@args.txt"),
            List.of("check", "a.hl", "--format", "json", "--format=text"),
            List.of("check", "a.hl", "--check"),
            List.of("compile", "a.hl", "-oout"),
            List.of("compile", "a.hl", "--out"),
            List.of("compile", "a.hl", "--write"),
            List.of("fmt"),
            List.of("fmt", "--check", "--write", "a.hl"),
            List.of("fmt", "a.hl", "--strict"),
            List.of("gate", "spec/homelab.hl"),
            List.of("gate", "--staged", "--staged"),
            List.of("gate", "--spec"),
            List.of("gate", "--check"),
            List.of("gate", "--help"),
            List.of("graph", "a.hl"),
            List.of("--version"),
            List.of());

    @Test
    void plainCommandLinesGiveTheObjectPicocliGives() {
        for (List<String> args : PLAIN) {
            String[] a = args.toArray(String[]::new);
            Callable<Integer> direct = DirectArgs.command(a);
            assertNotNull(direct, "taken directly: " + args);
            Object parsed = picocli(a);
            assertEquals(describe(parsed), describe(direct), "for " + args);
        }
    }

    @Test
    void theRestIsLeftToPicocli() {
        for (List<String> args : NOT_PLAIN) {
            assertNull(DirectArgs.command(args.toArray(String[]::new)), "left to picocli: " + args);
        }
    }

    @Test
    void everyOptionTakenDirectlyIsAnOptionOfTheAnnotatedCommand() {
        for (List<String> args : PLAIN) {
            CommandLine.Model.CommandSpec sub = HlcCommand.commandLine(args.toArray(String[]::new))
                    .getSubcommands().get(args.get(0)).getCommandSpec();
            for (String a : args.subList(1, args.size())) {
                if (!a.startsWith("-")) continue;
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                assertNotNull(sub.findOption(name), args.get(0) + " has no option " + name);
            }
        }
    }

    @Test
    void aMistakeStillGetsPicocliMessage() {
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Main.run("check", "a.hl", "--format", "yaml");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, exit);
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("--format"), err.toString());
    }

    private static Object picocli(String[] args) {
        CommandLine.ParseResult r = HlcCommand.commandLine(args).parseArgs(args);
        return r.subcommand().commandSpec().userObject();
    }

    /** The fields a command's call() reads, as text. */
    private static String describe(Object command) {
        List<String> f = new ArrayList<>();
        if (command instanceof CheckCommand c) {
            f.add("check " + c.spec);
            output(f, c.output);
        } else if (command instanceof CompileCommand c) {
            f.add("compile " + c.spec + " out=" + c.out + " check=" + c.checkOnly + " secrets=" + c.secretsFile);
            output(f, c.output);
        } else if (command instanceof GateCommand c) {
            f.add("gate " + c.spec + " out=" + c.out + " repo=" + c.repo + " staged=" + c.staged);
            output(f, c.output);
        } else if (command instanceof FmtCommand c) {
            f.add("fmt " + c.files + " check=" + c.mode.check + " write=" + c.mode.write);
        } else {
            f.add(Objects.toString(command));
        }
        return String.join(" ", f);
    }

    private static void output(List<String> f, Output o) {
        f.add("format=" + o.format + " colour=" + o.colour + " strict=" + o.strict);
    }

    @Test
    void pathsAreThePathsPicocliMakes() {
        CheckCommand c = (CheckCommand) DirectArgs.command(new String[]{"check", "dir/../a.hl"});
        assertEquals(Path.of("dir/../a.hl"), c.spec);
    }
}
