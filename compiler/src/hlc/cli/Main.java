package hlc.cli;

import hlc.emit.Renderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code hlc} command: subcommands for each way of using the compiler. */
@Command(name = "hlc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The homelab spec compiler: checks a .hl spec of a Talos/Flux/UniFi homelab and emits its files.",
        subcommands = {CheckCommand.class, CompileCommand.class, FmtCommand.class, GraphCommand.class, ExplainCommand.class, WhatifCommand.class, SecretsCommand.class, HookCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 clean (warnings allowed unless --strict), 1 findings, stale output or an unformatted file (fmt --check), 2 usage or I/O error."})
public final class Main implements Runnable {
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
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("hlc: internal error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            line.getErr().println("this is a bug in hlc; please report it with the spec that triggers it");
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("hlc: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try `hlc --help`");
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
