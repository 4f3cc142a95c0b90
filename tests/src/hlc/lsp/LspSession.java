package hlc.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client connected to an in-process hlc language server through LSP4J's own launchers, over pipes: every
 * message goes through JSON-RPC as it does with an editor. Records the diagnostics the server publishes.
 */
final class LspSession implements AutoCloseable {
    final LanguageServer server;
    private final Map<String, List<org.eclipse.lsp4j.Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    private final Map<String, Integer> publications = new ConcurrentHashMap<>();
    private final OutputStream toServer;
    private final OutputStream toClient;
    private final Object published = new Object();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    LspSession() throws Exception {
        BytePipe clientToServer = new BytePipe(), serverToClient = new BytePipe(); // why not java.io's pipes: BytePipe
        InputStream serverIn = clientToServer.in;
        toServer = clientToServer.out;
        InputStream clientIn = serverToClient.in;
        toClient = serverToClient.out;
        HlcLanguageServer hlc = new HlcLanguageServer(code -> {});
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(hlc, serverIn, toClient);
        hlc.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide = LSPLauncher.createClientLauncher(new Recorder(), clientIn, toServer);
        clientSide.startListening();
        server = clientSide.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        // No debounceMillis: the server's own scheduling (check at once, a newer edit overtakes) is what is tested.
        server.initialize(init).get(20, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    /** Opens a file as an editor does: its text as it is on disk. */
    String open(Path file) throws IOException {
        String uri = file.toUri().toString();
        String text = Files.readString(file);
        versions.put(uri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "hl", 1, text)));
        return uri;
    }

    /** Replaces a range with text: an incremental change, as editors send each keystroke. */
    void edit(String uri, int line, int fromChar, int toChar, String text) {
        edit(uri, new Range(new Position(line, fromChar), new Position(line, toChar)), text);
    }

    void edit(String uri, Range range, String text) {
        int version = versions.merge(uri, 1, Integer::sum);
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
    }

    TextDocumentIdentifier doc(String uri) {
        return new TextDocumentIdentifier(uri);
    }

    /** Waits until the latest diagnostics published for a file satisfy the condition, and returns them. */
    List<org.eclipse.lsp4j.Diagnostic> awaitDiagnostics(String uri, Predicate<List<org.eclipse.lsp4j.Diagnostic>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (published) {
            while (true) {
                List<org.eclipse.lsp4j.Diagnostic> now = diagnostics.get(uri);
                if (now != null && condition.test(now)) return now;
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("no matching diagnostics for " + uri + "; last published: " + now);
                published.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    int publicationsFor(String uri) {
        return publications.getOrDefault(uri, 0);
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
        } finally {
            toServer.close();
            toClient.close();
        }
    }

    private final class Recorder implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            synchronized (published) {
                diagnostics.put(params.getUri(), params.getDiagnostics());
                publications.merge(params.getUri(), 1, Integer::sum);
                published.notifyAll();
            }
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}
