package hlc.lsp;

import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of every document the editor has open, as the editor has it (unsaved edits included), by real path.
 * Changes arrive incremental (a range and its new text) or whole; each one moves the version on, which is how
 * an analysis knows it is stale.
 */
final class DocumentStore {
    record Document(String uri, Path path, String text, int version) {}

    private final Map<Path, Document> open = new ConcurrentHashMap<>();

    /** The real path of a file URI, so a symbolic link and its target are one document; null for other schemes. */
    static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equals(u.getScheme())) return null;
            Path p = Path.of(u).toAbsolutePath().normalize();
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (Exception notAFile) {
            return null;
        }
    }

    Document open(String uri, String text, int version) {
        Path p = pathOf(uri);
        if (p == null) return null;
        Document d = new Document(uri, p, text, version);
        open.put(p, d);
        return d;
    }

    /** Applies the changes in order, as the protocol says they are meant. */
    Document change(String uri, List<TextDocumentContentChangeEvent> changes, int version) {
        Path p = pathOf(uri);
        Document d = p == null ? null : open.get(p);
        if (d == null) return null;
        String text = d.text();
        for (TextDocumentContentChangeEvent c : changes) {
            if (c.getRange() == null) {
                text = c.getText();
            } else {
                int from = Positions.offset(text, c.getRange().getStart());
                int to = Math.max(from, Positions.offset(text, c.getRange().getEnd()));
                text = text.substring(0, from) + c.getText() + text.substring(to);
            }
        }
        Document next = new Document(d.uri(), p, text, version);
        open.put(p, next);
        return next;
    }

    void close(String uri) {
        Path p = pathOf(uri);
        if (p != null) open.remove(p);
    }

    Document get(Path p) {
        return p == null ? null : open.get(p);
    }

    Document get(String uri) {
        return get(pathOf(uri));
    }

    /** Every open document as it is now, in path order: what one analysis reads. */
    Map<Path, Document> snapshot() {
        Map<Path, Document> copy = new java.util.TreeMap<>(open);
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** The URI to publish a file's findings under: the editor's own spelling when it has the file open. */
    String uriOf(Path p) {
        Document d = open.get(p);
        return d != null ? d.uri() : p.toUri().toString();
    }
}
