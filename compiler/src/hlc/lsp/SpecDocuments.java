package hlc.lsp;

import hlc.lsp.SpecAnalyzer.Analysis;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The text-document half of the protocol: keeps the store of open documents current, has the findings
 * published after each change, and routes each request to the class that answers it. Requests are answered
 * on the message thread in the order they came, so an answer always sees the edits sent before it.
 */
final class SpecDocuments implements TextDocumentService {
    private final Workspace workspace;
    private final DocumentStore documents;
    private final Supplier<DiagnosticsPublisher> publisher;

    SpecDocuments(Workspace workspace, Supplier<DiagnosticsPublisher> publisher) {
        this.workspace = workspace;
        this.documents = workspace.documents();
        this.publisher = publisher;
    }

    // ------------------------------------------------------------------ synchronisation

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var d = params.getTextDocument();
        documents.open(d.getUri(), d.getText(), d.getVersion());
        changed();
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        documents.change(params.getTextDocument().getUri(), params.getContentChanges(), params.getTextDocument().getVersion());
        changed();
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.close(params.getTextDocument().getUri());
        Path p = DocumentStore.pathOf(params.getTextDocument().getUri());
        if (p != null) workspace.closed(p);
        changed();
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // A saved file is read from disk by the specs that import it but do not have it open.
        changed();
    }

    private void changed() {
        workspace.changed();
        publisher.get().schedule();
    }

    // ------------------------------------------------------------------ requests

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = params.getTextDocument().getUri();
        return answer(uri, null, a -> HoverProvider.hover(a, DocumentStore.pathOf(uri), params.getPosition()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        String uri = params.getTextDocument().getUri();
        return answer(uri, Either.forLeft(List.of()),
                a -> Either.forLeft(Navigation.definition(a, DocumentStore.pathOf(uri), params.getPosition(), documents)));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        String uri = params.getTextDocument().getUri();
        boolean withDeclaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return answer(uri, List.of(),
                a -> Navigation.references(a, DocumentStore.pathOf(uri), params.getPosition(), withDeclaration, documents));
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(PrepareRenameParams params) {
        String uri = params.getTextDocument().getUri();
        return answer(uri, null, a -> {
            Range r = Navigation.renameRange(a, DocumentStore.pathOf(uri), params.getPosition());
            return r == null ? null : Either3.forFirst(r);
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        String uri = params.getTextDocument().getUri();
        return answer(uri, null, a -> Navigation.rename(a, DocumentStore.pathOf(uri), params.getPosition(), params.getNewName(), documents));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        DocumentStore.Document d = documents.get(uri);
        if (d == null) return CompletableFuture.completedFuture(Either.forLeft(List.of()));
        return answer(uri, Either.forLeft(List.of()),
                a -> Either.forLeft(CompletionProvider.complete(a, d.text(), params.getPosition())));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return answer(uri, List.of(), a -> CodeActions.actions(a, DocumentStore.pathOf(uri), params.getRange(), uri)
                .stream().map(Either::<Command, CodeAction>forRight).toList());
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        DocumentStore.Document d = documents.get(params.getTextDocument().getUri());
        return CompletableFuture.completedFuture(d == null ? List.of() : Formatting.format(d.path().toString(), d.text()));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        DocumentStore.Document d = documents.get(params.getTextDocument().getUri());
        if (d == null) return CompletableFuture.completedFuture(List.of());
        return CompletableFuture.completedFuture(Outline.symbols(d.path(), d.text()).stream()
                .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        DocumentStore.Document d = documents.get(params.getTextDocument().getUri());
        return CompletableFuture.completedFuture(d == null ? List.of() : Outline.folding(d.path(), d.text()));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        DocumentStore.Document d = documents.get(params.getTextDocument().getUri());
        return CompletableFuture.completedFuture(d == null ? new SemanticTokens(List.of()) : SemanticTokensProvider.tokens(d.path(), d.text()));
    }

    /** Answers from the current analysis of the spec the document is part of; {@code none} when no open spec has it. */
    private <T> CompletableFuture<T> answer(String uri, T none, java.util.function.Function<Analysis, T> question) {
        Path p = DocumentStore.pathOf(uri);
        Analysis a = p == null ? null : workspace.analysisOf(p);
        return CompletableFuture.completedFuture(a == null ? none : question.apply(a));
    }
}
