package hlc.cli;

import hlc.hook.GitRepo;
import hlc.hook.HlcInvocation;
import hlc.hook.PreCommitHook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code hlc hook install|uninstall}: the git pre-commit hook that checks the spec before each commit. */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Install or remove a git pre-commit hook that runs `hlc gate --staged` (check, compile --check, fmt --check, no secrets).",
        subcommands = {HookCommand.Install.class, HookCommand.Uninstall.class})
final class HookCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Write the git pre-commit hook: before each commit it runs `hlc gate --staged` on what the commit records: no Talos secret staged and, when .hl files or the output folder change, check --strict, compile --check and fmt --check.",
                    "The hook runs this same hlc by absolute path. It replaces an earlier hlc hook and refuses any other unless --force."})
    static final class Install implements Callable<Integer> {
        @Option(names = "--spec", paramLabel = "SPEC", defaultValue = "spec/homelab.hl",
                description = "The root .hl file the hook checks (default: ${DEFAULT-VALUE}).")
        Path spec;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out",
                description = "The output folder the gate compares (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--force", description = "Replace a pre-commit hook that hlc did not write.")
        boolean force;

        @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
                description = "A folder in the repository (default: the current one); --spec and --out are relative to it.")
        Path repo;

        @Override
        public Integer call() {
            GitRepo git;
            try {
                git = GitRepo.at(repo);
                repo = repo.toRealPath(); // git answers with real paths; a symlinked /tmp must compare equal
            } catch (GitRepo.NotARepository | IOException e) {
                System.err.println("hlc: " + (e instanceof IOException io ? Messages.of(io) : e.getMessage()));
                return 2;
            }
            String specPath = inRepository(git, spec);
            String outPath = inRepository(git, out);
            if (specPath == null || outPath == null) {
                System.err.println("hlc: the spec and the output folder must be inside the repository " + git.topLevel());
                return 2;
            }
            PreCommitHook hook = new PreCommitHook(git.hooksDir());
            PreCommitHook.Installed outcome;
            try {
                outcome = hook.install(HlcInvocation.current(), specPath, outPath, force);
            } catch (IOException e) {
                System.err.println("hlc: cannot write " + hook.file() + ": " + Messages.of(e));
                return 2;
            }
            if (outcome == PreCommitHook.Installed.REFUSED_FOREIGN) {
                System.err.println("hlc: " + hook.file() + " exists and hlc did not write it; left it alone."
                        + " Call hlc from it yourself, or pass --force to replace it.");
                return 2;
            }
            System.err.println("hlc: " + switch (outcome) {
                case UPDATED -> "updated";
                case REPLACED_FOREIGN -> "replaced the other";
                default -> "installed";
            } + " pre-commit hook " + hook.file() + ": every commit runs `hlc gate --staged --spec " + specPath + " --out "
                    + outPath + "` on what it records (no Talos secrets; the spec checked, compiled and formatted when .hl files or "
                    + outPath + "/ change)");
            if (!Files.isRegularFile(git.topLevel().resolve(specPath))) {
                System.err.println("hlc: note: " + specPath + " does not exist yet; until it does, those commits fail");
            }
            return 0;
        }

        /** {@code path} relative to the top of the work tree, where the hook runs; null when outside it. */
        private String inRepository(GitRepo git, Path path) {
            Path abs = repo.resolve(path).toAbsolutePath().normalize();
            if (!abs.startsWith(git.topLevel()) || abs.equals(git.topLevel())) return null;
            return git.topLevel().relativize(abs).toString().replace('\\', '/');
        }
    }

    @Command(name = "uninstall", mixinStandardHelpOptions = true,
            description = "Remove the pre-commit hook if hlc wrote it; any other hook is left alone.")
    static final class Uninstall implements Callable<Integer> {
        @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
                description = "A folder in the repository (default: the current one).")
        Path repo;

        @Override
        public Integer call() {
            PreCommitHook hook;
            try {
                hook = new PreCommitHook(GitRepo.at(repo).hooksDir());
                PreCommitHook.Removed outcome = hook.uninstall();
                System.err.println("hlc: " + switch (outcome) {
                    case REMOVED -> "removed " + hook.file();
                    case ABSENT -> "no pre-commit hook to remove";
                    case LEFT_FOREIGN -> hook.file() + " is not hlc's; left it alone";
                });
                return 0;
            } catch (GitRepo.NotARepository e) {
                System.err.println("hlc: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println("hlc: cannot remove the pre-commit hook: " + Messages.of(e));
                return 2;
            }
        }
    }
}
