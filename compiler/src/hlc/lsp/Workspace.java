package hlc.lsp;

import hlc.lsp.SpecAnalyzer.Analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open specs, checked. Every open document is a root unless another open document imports it (then its
 * findings are those it has in the importing spec, where the names it uses are declared). The analyses are
 * redone when the text changed since they were made, at most once per change, whoever asks first: the
 * diagnostics publisher or a request such as hover. A check that a newer edit overtakes stops at its next phase
 * and the newest text is checked instead.
 */
final class Workspace {
    private final DocumentStore documents;
    private List<Analysis> roots = List.of();
    /** For an open file that is part of a spec on disk which is not open: that spec (see ImporterSearch). */
    private final Map<Path, Path> importers = new java.util.HashMap<>();
    private final java.util.Set<Path> searched = new java.util.HashSet<>();
    /** Counts the changes; read without the lock, so that a check in progress sees a newer edit come in. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private long analysedAt = -1;
    private final IncrementalFront front = new IncrementalFront();

    Workspace(DocumentStore documents) {
        this.documents = documents;
    }

    DocumentStore documents() {
        return documents;
    }

    /** Says the text of some document changed (or one was opened or closed). */
    void changed() {
        changes.incrementAndGet();
    }

    /** The number of changes so far: the analyses are current while it stays the same. */
    long changeCount() {
        return changes.get();
    }

    IncrementalFront front() {
        return front;
    }

    /** Forgets where a closed file belonged, so it is searched again when it is opened again. */
    synchronized void closed(Path file) {
        importers.remove(file);
        searched.remove(file);
        changes.incrementAndGet();
    }

    /** The current analyses of the root specs, redone first when a document changed. */
    synchronized List<Analysis> roots() {
        while (true) {
            long at = changes.get();
            if (analysedAt == at) return roots;
            try {
                return analyse(at);
            } catch (SpecAnalyzer.Stale newerEdit) {
                // a newer text came in while checking: check that one instead
            }
        }
    }

    private List<Analysis> analyse(long at) {
        Map<Path, DocumentStore.Document> open = documents.snapshot();
        List<Path> order = new ArrayList<>();
        // Last time's roots first, so a file they import is not checked a second time on its own.
        for (Analysis a : roots) if (open.containsKey(a.root) || importers.containsValue(a.root)) order.add(a.root);
        for (Path p : open.keySet()) {
            Path importer = importerOf(p, open);
            if (importer != null && !order.contains(importer)) order.add(0, importer);
        }
        for (Path p : open.keySet()) if (!order.contains(p)) order.add(p);
        Map<Path, Analysis> done = new LinkedHashMap<>();
        for (Path p : order) {
            boolean imported = done.values().stream().anyMatch(a -> a.includes(p));
            if (!imported) done.put(p, SpecAnalyzer.analyze(p, open, front, () -> changes.get() != at));
        }
        // A spec on disk that no longer imports the open file it was found for is looked for again next time.
        for (var e : List.copyOf(importers.entrySet())) {
            Analysis a = done.get(e.getValue());
            if (a != null && !a.includes(e.getKey())) {
                importers.remove(e.getKey());
                searched.remove(e.getKey());
            }
        }
        // A file checked as a root before the file that imports it was reached: drop it now.
        List<Analysis> result = new ArrayList<>();
        for (Analysis a : done.values()) {
            boolean importedByOther = done.values().stream().anyMatch(o -> o != a && o.includes(a.root) && !a.includes(o.root));
            if (!importedByOther) result.add(a);
        }
        roots = List.copyOf(result);
        analysedAt = at;
        java.util.Set<Path> read = new java.util.HashSet<>();
        for (Analysis a : roots) for (var f : a.files) read.add(f.path());
        front.retain(read);
        return roots;
    }

    /**
     * The spec on disk an open file belongs to, searched once per opened file, and only when no open document
     * already imports it.
     */
    private Path importerOf(Path file, Map<Path, DocumentStore.Document> open) {
        if (importers.containsKey(file)) return importers.get(file);
        for (Analysis a : roots) if (a.includes(file) && !a.root.equals(file)) return null;
        if (!searched.add(file)) return null;
        Path found = ImporterSearch.find(file, open);
        if (found != null) importers.put(file, found);
        return found;
    }

    /** The analysis a file is seen in: the root spec that includes it, or null when no open spec does. */
    Analysis analysisOf(Path file) {
        for (Analysis a : roots()) if (a.includes(file)) return a;
        return null;
    }
}
