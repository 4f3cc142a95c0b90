package hlc.emit;

import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * Turns the checked model into the files of one target (Flux, storage, DNS, Talos). An emitter only builds
 * plain data for templates; rendering, validation and writing are shared.
 */
public interface Emitter {
    List<FileSpec> files(ResolvedSpec spec, EmitProblems problems);

    /** The folders this emitter writes that Flux must apply; none by default (Flux's own tree, Talos). */
    default List<AppliedFolder> appliedFolders(ResolvedSpec spec) {
        return List.of();
    }
}
