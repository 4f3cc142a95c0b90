package hlc.adopt;

import hlc.Compiler;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Findings on arrival: every check on the imported spec, and, when it checks, what {@code hlc compile} would
 * report while building its files (a Talos release hlc has no form for, a file its schema refuses). Everything
 * is built in memory with a placeholder secrets bundle; nothing is written.
 */
final class Arrival {
    private Arrival() {}

    static Compiler.Result findings(Path rootSpec) throws IOException {
        Compiler.Result checked = Compiler.check(rootSpec);
        // The compile's findings land in the same reporter; its files are dropped.
        Compiler.compile(checked, SecretsBundle.placeholder(), null, new Renderer(rootSpec.getFileName().toString()));
        return checked;
    }
}
