package hlc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code hlc} command as picocli sees it: the subcommands and their annotations. Kept apart from
 * {@link Main} so that a run picocli does not parse ({@link DirectArgs}) never loads picocli: the JVM reads
 * the signatures of the main class's methods before it calls {@code main}, and a picocli type in one of them
 * loaded picocli's 6,000-line CommandLine class on every start.
 */
@Command(name = "hlc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The homelab spec compiler: checks a .hl spec of a Talos/Flux/UniFi homelab and emits its files.",
        footer = {"", "Exit codes: 0 clean (warnings allowed unless --strict), 1 findings, stale output or an unformatted file (fmt --check), 2 usage or I/O error."})
public final class HlcCommand implements Runnable {
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether this build has a subcommand of that name (the start-up training exercises the ones it finds). */
    static boolean hasSubcommand(String name) {
        return SUBCOMMANDS.containsKey(name);
    }

    /** Parses the arguments with picocli and runs the command they name; returns its exit code. */
    static int execute(String... args) {
        CommandLine cl = commandLine(args);
        cl.setExecutionExceptionHandler((ex, line, parse) -> Main.internalError(ex, line.getErr()));
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("hlc: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try `hlc --help`");
            return 2;
        });
        return cl.execute(args);
    }

    /** The command line that parses these arguments: hlc with the subcommand they name, or with all of them. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new HlcCommand());
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
