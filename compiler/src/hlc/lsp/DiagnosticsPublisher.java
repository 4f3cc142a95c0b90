package hlc.lsp;

import hlc.lsp.SpecAnalyzer.Analysis;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the findings of every open spec as soon as they are known for the latest edit. One check runs at a
 * time, on its own thread: an edit that comes while one runs makes it stale (it stops at its next phase, see
 * {@link SpecAnalyzer.Stale}, or its findings are dropped), and the check after it takes every edit made in the
 * meantime, so a burst of typing costs a check per pause, not one per key, with no fixed wait. A client may
 * still ask for a wait ({@code debounceMillis}). A file that had findings and has none any more gets an empty
 * list, which is how an editor learns they are gone. The findings of an imported file come from the spec that
 * imports it, so fixing a name in one file clears the error in the other.
 */
final class DiagnosticsPublisher {
    private final Workspace workspace;
    private final long delayMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hlc-lsp-diagnostics");
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> published = new HashSet<>();
    private volatile LanguageClient client;
    private ScheduledFuture<?> pending;
    /** A check is asked for and has not started yet. */
    private boolean asked;

    DiagnosticsPublisher(Workspace workspace, long delayMillis) {
        this.workspace = workspace;
        this.delayMillis = delayMillis;
    }

    void connect(LanguageClient client) {
        this.client = client;
    }

    /** Asks for the findings of the latest text to be published. */
    synchronized void schedule() {
        if (delayMillis > 0) {
            if (pending != null) pending.cancel(false);
            pending = timer.schedule(this::publishNow, delayMillis, TimeUnit.MILLISECONDS);
            return;
        }
        if (asked) return; // the check already asked for will read this edit too
        asked = true;
        timer.execute(() -> {
            synchronized (this) {
                asked = false;
            }
            publishNow();
        });
    }

    void publishNow() {
        LanguageClient c = client;
        if (c == null) return;
        long at = workspace.changeCount();
        Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
        Map<Path, Integer> versions = new java.util.HashMap<>();
        DocumentStore documents = workspace.documents();
        try {
            for (Analysis a : workspace.roots()) {
                for (var f : a.files) {
                    byFile.putIfAbsent(f.path(), new ArrayList<>());
                    if (a.versionOf(f.path()) != null) versions.putIfAbsent(f.path(), a.versionOf(f.path()));
                }
                for (hlc.diag.Diagnostic d : a.diagnostics) {
                    byFile.computeIfAbsent(d.span().file().path(), k -> new ArrayList<>()).add(DiagnosticConverter.toLsp(d, documents));
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // Never let one bad check stop the thread that publishes the next one.
            System.err.println("hlc lsp: checking failed: " + e);
            return;
        }
        // Findings of a text that has changed since: the check asked for by that change publishes instead.
        if (workspace.changeCount() != at) return;
        synchronized (published) {
            for (Path stale : published) byFile.putIfAbsent(stale, List.of());
            published.clear();
            byFile.forEach((path, diagnostics) -> {
                // The version says which edit these findings are of (clients drop stale ones; the benchmark times it).
                Integer version = versions.get(path);
                c.publishDiagnostics(version == null ? new PublishDiagnosticsParams(documents.uriOf(path), diagnostics)
                        : new PublishDiagnosticsParams(documents.uriOf(path), diagnostics, version));
                if (!diagnostics.isEmpty()) published.add(path);
            });
        }
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
