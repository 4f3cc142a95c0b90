package hlc.cli;

import hlc.hook.GitRepo;
import hlc.hook.HlcInvocation;
import hlc.hook.PreCommitHook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hlc init [DIR]}: a first run that works. A small starter spec that checks clean, compiles and is in the
 * fmt layout; the lines a repository's .gitignore needs for hlc (its lock and temporary trees, secrets bundles,
 * the secret files of the output); and, asked, the pre-commit hook. Nothing that exists is overwritten.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a lab in DIR (default: the current folder): spec/homelab.hl, a starter spec that checks",
                "clean and compiles, and the .gitignore lines hlc needs; --hook also installs the pre-commit hook."})
final class InitCommand implements Callable<Integer> {
    static final String SPEC = "spec/homelab.hl";

    /** What hlc writes beside and into its output folder that must never be committed. */
    static final List<String> IGNORED = List.of(
            "# hlc: its lock and temporary trees beside the output folder, secrets bundles, and the output's secret files",
            ".*.hlc.lock", ".*.hlc-*", "*.secrets.yaml", "out/talos/", "out/talosconfig");

    /** Where the starter's repository URL is until the user names theirs (or the work tree has an origin). */
    static final String PLACEHOLDER_URL = "https://github.com/you/homelab";

    /**
     * The starter spec for a lab at {@code lab} in its repository ({@code ""} at the top, {@code "mylab/"} in a
     * folder): Flux's path and the app's folder are repository paths, so they say where the lab is.
     */
    /**
     * The origin as Flux's GitRepository takes it: git's scp-like {@code git@host:owner/name.git} is no URL to
     * Flux (HL004), so it becomes {@code ssh://git@host/owner/name.git}; anything else is kept.
     */
    static String fluxUrl(String origin) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^@/:]+@)?([^/:]+):(?!//)(.+)").matcher(origin);
        if (origin.contains("://") || !m.matches()) return origin;
        return "ssh://" + (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "/" + m.group(3);
    }

    static String starter(String lab, String repositoryUrl) {
        String appPath = lab.isEmpty() ? "" : "  path \"./" + lab + APP_FOLDER + "\"\n";
        return """
            // A starter lab: one network, one Talos control plane, Flux syncing ./%1$sout/flux/cluster.
            // `hlc check spec/homelab.hl` explains every mistake; the README's language tour shows the rest.
            site home {
              domain example.com
            }

            network lan {
              cidr 192.168.1.0/24
              gateway 192.168.1.1
            }

            cluster lab {
              talos v1.10.7
              kubernetes v1.33.3
              vip 192.168.1.10 on lan
              flux {
                repository "%2$s"  // with your repository's URL, hlc checks app folders in this work tree
                branch main
                path "./%1$sout/flux/cluster"
              }
            }

            host node-1 {
              role controlplane
              install-disk "/dev/nvme0n1"
              interface eth0 on lan address 192.168.1.11
            }

            app podinfo {
              namespace default
            %3$s}
            """.formatted(lab, repositoryUrl, appPath);
    }

    /** The starter app's folder in the lab: the default path of app podinfo in namespace default. */
    static final String APP_FOLDER = "kubernetes/apps/default/podinfo/app";

    /** What the starter app's folder holds: a kustomization.yaml and podinfo's Deployment, so Flux has something to apply. */
    static final String APP_KUSTOMIZATION = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ./deployment.yaml
            """;
    static final String APP_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: podinfo
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: podinfo
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: podinfo
                spec:
                  containers:
                    - name: podinfo
                      image: ghcr.io/stefanprodan/podinfo:6.7.1
                      ports:
                        - containerPort: 9898
            """;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".", description = "The folder of the lab's repository (default: the current one).")
    Path dir;

    @Option(names = "--hook", description = "Also install the git pre-commit hook (`hlc hook install`); DIR must be in a git work tree.")
    boolean hook;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(dir);
            // the lab's place in its repository, which every path Flux resolves starts with
            String lab = "";
            String url = PLACEHOLDER_URL;
            try {
                GitRepo repo = GitRepo.at(dir.toAbsolutePath());
                String rel = repo.topLevel().toRealPath().relativize(dir.toAbsolutePath().toRealPath()).toString().replace('\\', '/');
                lab = rel.isEmpty() ? "" : rel + "/";
                if (repo.originUrl() != null) url = fluxUrl(repo.originUrl());
            } catch (GitRepo.NotARepository e) {
                // no repository yet: the lab is its top, as after `git init DIR`
            }
            Path spec = dir.resolve(SPEC);
            if (Files.exists(spec)) {
                System.err.println("hlc: " + spec + " exists; left it alone");
            } else {
                Files.createDirectories(spec.getParent());
                Files.writeString(spec, starter(lab, url), StandardCharsets.UTF_8);
                System.err.println("hlc: wrote " + spec + ", a starter spec");
                Path app = dir.resolve(APP_FOLDER);
                if (!Files.exists(app)) {
                    Files.createDirectories(app);
                    Files.writeString(app.resolve("kustomization.yaml"), APP_KUSTOMIZATION, StandardCharsets.UTF_8);
                    Files.writeString(app.resolve("deployment.yaml"), APP_DEPLOYMENT, StandardCharsets.UTF_8);
                    System.err.println("hlc: wrote " + app + ", the starter app's manifests");
                }
            }
            List<String> added = ignore(dir.resolve(".gitignore"));
            System.err.println("hlc: " + (added.isEmpty() ? dir.resolve(".gitignore") + " already ignores what hlc needs"
                    : "added " + added.size() + " lines to " + dir.resolve(".gitignore")));
            if (hook) {
                GitRepo git = GitRepo.at(dir.toAbsolutePath());
                String specPath = git.topLevel().relativize(spec.toAbsolutePath().normalize().toRealPath()).toString().replace('\\', '/');
                String outPath = git.topLevel().relativize(dir.toAbsolutePath().toRealPath().resolve("out").normalize()).toString().replace('\\', '/');
                PreCommitHook.Installed outcome = new PreCommitHook(git.hooksDir()).install(HlcInvocation.current(), specPath, outPath, false);
                if (outcome == PreCommitHook.Installed.REFUSED_FOREIGN) {
                    System.err.println("hlc: a pre-commit hook hlc did not write exists; left it alone (`hlc hook install --force` replaces it)");
                    return 2;
                }
                System.err.println("hlc: installed the pre-commit hook: every commit runs `hlc gate --staged`");
            }
            System.err.println("hlc: next: `hlc compile " + spec + " --out " + dir.resolve("out") + "`, then commit the spec, "
                    + (lab.isEmpty() ? "" : lab) + "kubernetes/ and " + (lab.isEmpty() ? "" : lab) + "out/ and point Flux at ./" + lab + "out/flux/cluster");
            return 0;
        } catch (GitRepo.NotARepository e) {
            System.err.println("hlc: --hook: " + e.getMessage() + " (run `git init` first)");
            return 2;
        } catch (IOException e) {
            System.err.println("hlc: cannot write in " + dir + ": " + Messages.of(e));
            return 2;
        }
    }

    /** Appends the lines of {@link #IGNORED} the file lacks; returns them. */
    private static List<String> ignore(Path gitignore) throws IOException {
        List<String> have = Files.exists(gitignore) ? Files.readAllLines(gitignore, StandardCharsets.UTF_8) : List.of();
        List<String> missing = new ArrayList<>();
        for (String line : IGNORED) {
            if (!line.startsWith("#") && !have.contains(line)) missing.add(line);
        }
        if (missing.isEmpty()) return missing;
        StringBuilder b = new StringBuilder();
        String text = Files.exists(gitignore) ? Files.readString(gitignore, StandardCharsets.UTF_8) : "";
        if (!text.isEmpty() && !text.endsWith("\n")) b.append('\n');
        if (!text.isEmpty()) b.append('\n');
        b.append(IGNORED.get(0)).append('\n');
        missing.forEach(l -> b.append(l).append('\n'));
        Files.writeString(gitignore, text + b, StandardCharsets.UTF_8);
        return missing;
    }
}
