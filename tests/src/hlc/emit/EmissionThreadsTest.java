package hlc.emit;

import hlc.Compiler;
import hlc.bench.SpecGenerator;
import hlc.resolve.ResolvedSpec;
import hlc.secrets.SecretsBundle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering on several threads (and with workers prepared in the background) gives exactly the files one thread gives. */
class EmissionThreadsTest {
    @Test
    void manyFilesOnSeveralThreadsAreTheFilesOfOneThread() {
        Compiler.Result r = Compiler.checkText("generated-60.hl", SpecGenerator.generate(60));
        assertFalse(r.reporter().hasErrors());
        ResolvedSpec index = new ResolvedSpec(r.spec());
        Renderer.warmUpInBackground();
        List<RenderedFile> parallel = Emission.run(index, Emitters.all(SecretsBundle.placeholder()),
                new Renderer("generated-60.hl"), r.reporter());
        assertTrue(parallel.size() >= Emission.PARALLEL_MIN_FILES, "enough files to take the parallel path");
        assertFalse(r.reporter().hasErrors());

        Renderer one = new Renderer("generated-60.hl");
        List<RenderedFile> sequential = new ArrayList<>();
        EmitProblems problems = new EmitProblems(r.reporter(), r.spec());
        List<FileSpec> specs = new ArrayList<>();
        List<AppliedFolder> folders = new ArrayList<>();
        for (Emitter e : Emitters.all(SecretsBundle.placeholder())) {
            specs.addAll(e.files(index, problems));
            folders.addAll(e.appliedFolders(index));
        }
        specs.addAll(FluxTree.folderKustomizations(specs, folders));
        for (FileSpec f : specs) sequential.add(one.render(f).file());
        sequential.sort(Comparator.comparing(RenderedFile::path));
        assertEquals(sequential, parallel);
    }
}
