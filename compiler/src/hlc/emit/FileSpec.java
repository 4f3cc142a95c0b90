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
 */
public record FileSpec(String path, String template, Map<String, Object> context, boolean secret,
                       List<Document> documents) {
    /** One document of a multi-document file: its template and the data that template reads. */
    public record Document(String template, Map<String, Object> context) {}

    public FileSpec {
        if (!SafePath.isSafe(path)) throw new IllegalArgumentException("unsafe output path: " + path);
        documents = List.copyOf(documents);
    }

    public FileSpec(String path, String template, Map<String, Object> context, boolean secret) {
        this(path, template, context, secret, List.of());
    }

    /** A file of several documents, each from its own template, in this order. */
    public static FileSpec ofDocuments(String path, List<Document> documents, boolean secret) {
        if (documents.isEmpty()) throw new IllegalArgumentException("a multi-document file needs documents: " + path);
        return new FileSpec(path, documents.get(0).template(), documents.get(0).context(), secret, documents);
    }

    /** The templates and data to render, in order: the listed documents, else the one template. */
    public List<Document> parts() {
        return documents.isEmpty() ? List.of(new Document(template, context)) : documents;
    }
}
