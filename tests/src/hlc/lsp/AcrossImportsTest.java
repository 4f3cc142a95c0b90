package hlc.lsp;

import hlc.testing.Hlc;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second real spec, one file per namespace with imports and 133 apps in their own namespaces: a dependency
 * written `app@namespace` in one file leads to the app declared in another, and back.
 */
class AcrossImportsTest {
    @Test
    void anAppDependencyInAnotherNamespaceAndFileResolvesThere() throws Exception {
        Path root = Hlc.project().resolve("spec/examples/home-ops-today.hl");
        Path ai = Hlc.project().resolve("spec/examples/home-ops-today/ai.hl");
        Path stores = Hlc.project().resolve("spec/examples/home-ops-today/external-secrets.hl");
        try (LspSession lsp = new LspSession()) {
            String rootUri = lsp.open(root);
            String aiUri = lsp.open(ai);
            lsp.awaitDiagnostics(rootUri, List::isEmpty);
            lsp.awaitDiagnostics(aiUri, List::isEmpty);

            String aiText = Files.readString(ai);
            Position ref = position(aiText, aiText.indexOf("secret-stores@external-secrets") + 2);
            var def = lsp.server.getTextDocumentService().definition(new DefinitionParams(lsp.doc(aiUri), ref)).get(20, TimeUnit.SECONDS);
            Location l = def.getLeft().get(0);
            assertEquals(stores.toRealPath().toUri().toString(), l.getUri(), "declared in the namespace's own file");
            String storesText = Files.readString(stores);
            assertEquals(position(storesText, storesText.indexOf("app secret-stores") + 4), l.getRange().getStart());

            var hover = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(aiUri), ref)).get(20, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().contains("namespace external-secrets"), hover.toString());

            List<? extends Location> refs = lsp.server.getTextDocumentService().references(
                    new ReferenceParams(lsp.doc(aiUri), ref, new ReferenceContext(false))).get(20, TimeUnit.SECONDS);
            long files = refs.stream().map(Location::getUri).distinct().count();
            assertTrue(files > 3, "secret-stores is depended on from many namespaces' files: " + files);
        }
    }

    @Test
    void aFileOpenedWithoutTheSpecThatImportsItIsCheckedAsPartOfThatSpec() throws Exception {
        Path ai = Hlc.project().resolve("spec/examples/home-ops-today/ai.hl");
        try (LspSession lsp = new LspSession()) {
            String aiUri = lsp.open(ai);
            // Alone, every name it uses from other namespaces' files would be unknown (HL010).
            lsp.awaitDiagnostics(aiUri, List::isEmpty);
            String aiText = Files.readString(ai);
            Position ref = position(aiText, aiText.indexOf("secret-stores@external-secrets") + 2);
            var def = lsp.server.getTextDocumentService().definition(new DefinitionParams(lsp.doc(aiUri), ref)).get(20, TimeUnit.SECONDS);
            assertTrue(def.getLeft().get(0).getUri().endsWith("home-ops-today/external-secrets.hl"), def.toString());
        }
    }

    private static Position position(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }
}
