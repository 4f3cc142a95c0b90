package hlc.emit;

import java.util.List;
import java.util.Map;

/**
 * One file to emit, before rendering: where it goes (relative to the output folder), which template renders
 * it, the plain data the template reads, and whether it holds secrets (then it is written 0600 into a
 * git-ignored folder and never compared by {@code --check}).
 *
 * <p>A file of several YAML documents each rendered by a template of its own (a Talos multi-document machine
 * config) lists them as {@link #documents}: they are rendered in order and joined with {@code ---}, and each is
 * validated on its own. A file rendered by one template has no documents listed.
 *
 * <p>A Talos machine config may carry the spec's config {@link #patches}, merged in after rendering, and the
 * Talos release it is for ({@link #talosRelease}): Talos's own schema of that release then holds the config as
 * the node gets it, patches merged (set for every patched config, and where hlc's own schemas say more than the
 * release takes: v1.9, see {@link hlc.resolve.TalosShape#heldToItsOwnSchema}).
 *
 * <p>A file of a Kustomize component holds {@code ${VAR}} references that Flux replaces for each Kustomization
 * that includes it: its {@link #substitutions} are the variables each of them sets, and the file is validated as
 * each of them applies it (the text with the variables in place), not as written.
 */
public record FileSpec(String path, String template, Map<String, Object> context, boolean secret,
                       List<Document> documents, List<Map<String, String>> substitutions, List<String> patches,
                       hlc.model.Version talosRelease) {
    /** One document of a multi-document file: its template and the data that template reads. */
    public record Document(String template, Map<String, Object> context) {}

    public FileSpec {
        if (!SafePath.isSafe(path)) throw new IllegalArgumentException("unsafe output path: " + path);
        documents = List.copyOf(documents);
        substitutions = List.copyOf(substitutions);
        patches = List.copyOf(patches);
    }

    public FileSpec(String path, String template, Map<String, Object> context, boolean secret,
                    List<Document> documents, List<Map<String, String>> substitutions) {
        this(path, template, context, secret, documents, substitutions, List.of(), null);
    }

    public FileSpec(String path, String template, Map<String, Object> context, boolean secret) {
        this(path, template, context, secret, List.of(), List.of());
    }

    /**
     * This file with Talos config patches (none, or some) merged into it after rendering ({@link TalosPatchMerge}),
     * in order, and held to Talos's own schema of the release {@code talos} (the cluster's pin, as the patch check
     * holds each patch: {@link hlc.resolve.TalosShape#documentSchema}): a patch may say what hlc's schemas do not
     * know, and what one release takes another refuses (v1.9's {@code machine.disks}).
     */
    public FileSpec withPatches(List<String> yaml, hlc.model.Version talos) {
        if (talos == null) throw new IllegalArgumentException("a Talos config held to its release's schema needs the release: " + path);
        return new FileSpec(path, template, context, secret, documents, substitutions, yaml, talos);
    }

    /** A file of several documents, each from its own template, in this order. */
    public static FileSpec ofDocuments(String path, List<Document> documents, boolean secret) {
        if (documents.isEmpty()) throw new IllegalArgumentException("a multi-document file needs documents: " + path);
        return new FileSpec(path, documents.get(0).template(), documents.get(0).context(), secret, documents, List.of());
    }

    /** A component's file of several documents, validated once per variable set of the Kustomizations that include it. */
    public static FileSpec ofComponent(String path, List<Document> documents, List<Map<String, String>> substitutions) {
        if (substitutions.isEmpty()) throw new IllegalArgumentException("a component nothing includes: " + path);
        FileSpec f = ofDocuments(path, documents, false);
        return new FileSpec(f.path(), f.template(), f.context(), false, f.documents(), substitutions);
    }

    /** The templates and data to render, in order: the listed documents, else the one template. */
    public List<Document> parts() {
        return documents.isEmpty() ? List.of(new Document(template, context)) : documents;
    }
}
