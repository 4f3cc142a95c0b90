package hlc.lsp;

import com.google.gson.JsonObject;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

/**
 * {@code hlc lsp}: the language server. It keeps every open spec and its imports checked in memory and answers
 * the editor from that: diagnostics as you type, hover, definition, references, rename, completion (with the
 * next free addresses of a network), quick fixes, formatting, the outline, folding and semantic colours. The
 * protocol itself (JSON-RPC over stdio, the message types) is LSP4J's.
 */
public final class HlcLanguageServer implements LanguageServer, LanguageClientAware {
    /** How long typing must pause before a check, unless the client says otherwise (initializationOptions): none,
     *  since a check that a newer edit overtakes stops early and its findings are dropped (DiagnosticsPublisher). */
    static final long DEFAULT_DEBOUNCE_MILLIS = 0;

    private final DocumentStore documents = new DocumentStore();
    private final Workspace workspace = new Workspace(documents);
    private final IntConsumer exit;
    private DiagnosticsPublisher publisher = new DiagnosticsPublisher(workspace, DEFAULT_DEBOUNCE_MILLIS);
    private final SpecDocuments textService = new SpecDocuments(workspace, () -> publisher);
    private LanguageClient client;
    private boolean shutdown;

    /** @param exit what the {@code exit} notification does with its exit code (System::exit for the command). */
    public HlcLanguageServer(IntConsumer exit) {
        this.exit = exit;
    }

    /** Serves one client over these streams until the input ends; the exit code is the protocol's. */
    public static int serve(InputStream in, OutputStream out) throws InterruptedException {
        HlcLanguageServer server = new HlcLanguageServer(System::exit);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        try {
            launcher.startListening().get();
        } catch (ExecutionException e) {
            System.err.println("hlc lsp: the connection failed: " + e.getCause());
            return 1;
        }
        return server.shutdown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        publisher.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        long debounce = option(params.getInitializationOptions(), "debounceMillis", DEFAULT_DEBOUNCE_MILLIS);
        if (debounce != DEFAULT_DEBOUNCE_MILLIS) {
            publisher.shutdown();
            publisher = new DiagnosticsPublisher(workspace, debounce);
            publisher.connect(client);
        }
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setCompletionProvider(new CompletionOptions(false, List.of()));
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setDocumentFormattingProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(SemanticTokensProvider.legend(), true));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("hlc", version())));
    }

    private static long option(Object options, String name, long fallback) {
        if (options instanceof JsonObject o && o.get(name) != null && o.get(name).isJsonPrimitive()) {
            try {
                return Math.max(0, o.get(name).getAsLong());
            } catch (NumberFormatException notANumber) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String version() {
        String v = HlcLanguageServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        publisher.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return new WorkspaceService() {
            @Override
            public void didChangeConfiguration(org.eclipse.lsp4j.DidChangeConfigurationParams params) {}

            @Override
            public void didChangeWatchedFiles(org.eclipse.lsp4j.DidChangeWatchedFilesParams params) {
                // An imported file changed on disk (a checkout, another editor): check again.
                workspace.changed();
                publisher.schedule();
            }
        };
    }
}
