package hlc.cli;

import hlc.emit.Renderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The {@code hlc} command: subcommands for each way of using the compiler. */
@Command(name = "hlc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The homelab spec compiler: checks a .hl spec of a Talos/Flux/UniFi homelab and emits its files.",
        footer = {"", "Exit codes: 0 clean (warnings allowed unless --strict), 1 findings, stale output or an unformatted file (fmt --check), 2 usage or I/O error."})
public final class Main implements Runnable {
    /**
     * The subcommands, in the order `hlc --help` lists them. Not in the annotation: picocli builds the model of
     * every listed command by reflection before it parses anything, which was most of the start-up of a
     * pre-commit `hlc check` (bench/RESULTS.md). A run names its command first, so only that one is built; help
     * and a mistyped command get them all (for the list, and for "did you mean").
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();
    static {
        SUBCOMMANDS.put("check", CheckCommand.class);
        SUBCOMMANDS.put("compile", CompileCommand.class);
        SUBCOMMANDS.put("fmt", FmtCommand.class);
        SUBCOMMANDS.put("graph", GraphCommand.class);
        SUBCOMMANDS.put("explain", ExplainCommand.class);
        SUBCOMMANDS.put("whatif", WhatifCommand.class);
        SUBCOMMANDS.put("secrets", SecretsCommand.class);
        SUBCOMMANDS.put("hook", HookCommand.class);
        SUBCOMMANDS.put("gate", GateCommand.class);
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("import", hlc.adopt.ImportCommand.class);
        SUBCOMMANDS.put("lsp", LspCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    /** Whether this build has a subcommand of that name (the start-up training exercises the ones it finds). */
    static boolean hasSubcommand(String name) {
        return SUBCOMMANDS.containsKey(name);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Findings quote the spec (names, `…`, carets under non-ASCII text): print UTF-8 whatever the locale says,
        // or a C locale turns every such character into `?`.
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
        // A compile renders with Jinjava, Jackson and the schema validator: they load on another core meanwhile.
        if (args.length > 0 && args[0].equals("compile")) Renderer.warmUpInBackground();
        System.exit(run(args));
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
    }

    /** Runs hlc with arguments and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        Callable<Integer> direct = DirectArgs.command(args);
        if (direct != null) {
            try {
                return direct.call();
            } catch (Exception ex) {
                return internalError(ex, System.err);
            }
        }
        CommandLine cl = commandLine(args);
        cl.setExecutionExceptionHandler((ex, line, parse) -> internalError(ex, line.getErr()));
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("hlc: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try `hlc --help`");
            return 2;
        });
        return cl.execute(args);
    }

    private static int internalError(Exception ex, java.io.PrintWriter err) {
        err.println("hlc: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        err.println("this is a bug in hlc; please report it with the spec that triggers it");
        err.flush();
        return 2;
    }

    private static int internalError(Exception ex, PrintStream err) {
        java.io.PrintWriter w = new java.io.PrintWriter(err, true);
        return internalError(ex, w);
    }

    /** The command line that parses these arguments: hlc with the subcommand they name, or with all of them. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help")) {
            cl.addSubcommand(first, SUBCOMMANDS.get(first));
        } else {
            SUBCOMMANDS.forEach(cl::addSubcommand);
        }
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
