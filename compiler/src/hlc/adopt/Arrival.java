package hlc.adopt;

import hlc.Compiler;
import hlc.check.SpecIndex;
import hlc.cli.Targets;
import hlc.emit.Emission;
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
        if (checked.spec() != null && !checked.reporter().hasErrors()) {
            Emission.run(new SpecIndex(checked.spec()), Targets.emitters(SecretsBundle.placeholder()),
                    new Renderer(rootSpec.getFileName().toString()), checked.reporter());
        }
        return checked;
    }
}
