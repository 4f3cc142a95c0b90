package hlc.hook;

import java.util.stream.Collectors;

/**
 * The pre-commit hook hlc writes: a small POSIX sh script. Its marker line is how hlc tells its own hook from
 * one a person or another tool wrote, so it only ever replaces or removes its own.
 */
public final class HookScript {
    /** Every hook hlc writes has a line starting with this; the rest of the line may change between versions. */
    static final String MARKER = "# hlc-hook:";

    /** What the hook prints when it runs the checks, and only then: a commit it skips stays silent. */
    public static final String RUNNING = "hlc: pre-commit: checking ";

    private HookScript() {}

    /**
     * The script for a spec and output folder given relative to the top of the work tree, where git runs
     * hooks, so the repository can move and every worktree shares one hook.
     */
    static String render(HlcInvocation hlc, String spec, String out) {
        String command = hlc.command().stream().map(HookScript::quote).collect(Collectors.joining(" "));
        return """
                #!/bin/sh
                %s written by `hlc hook install`; `hlc hook uninstall` removes it, and a new install replaces it.
                # Before every commit, `hlc gate --staged` judges what the commit records (the index, not the work
                # tree): no Talos machine config, talosconfig or secrets bundle is staged; and when the commit stages
                # a .hl file or a file under the output folder, the spec checks clean (warnings fail too), the output
                # folder is what it compiles to, and the spec is in the fmt layout. One process, each finding once.
                # `git commit --no-verify` skips it once.
                spec=%s
                out=%s
                program=%s
                hlc() { %s "$@"; }

                if [ ! -x "$program" ]; then
                  echo "hlc: pre-commit: $program is gone; run \\`hlc hook install\\` again" >&2
                  exit 1
                fi
                # Pathspecs, not a pattern over the names: '*.hl' matches in every folder, "$out" everything under it.
                if [ -n "$(git diff --cached --name-only -- '*.hl' "$out")" ]; then
                  echo "%s$spec" >&2
                fi
                hlc gate --staged --spec "$spec" --out "$out"
                """.formatted(MARKER, quote(spec), quote(out), quote(hlc.program()), command, RUNNING);
    }

    public static boolean isOurs(String script) {
        return script.lines().anyMatch(l -> l.startsWith(MARKER));
    }

    /** A shell word that stands for exactly {@code s}: single quotes, each quote inside spelled '\''. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
