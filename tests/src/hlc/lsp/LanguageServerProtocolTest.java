package hlc.lsp;

import hlc.fmt.Formatter;
import hlc.testing.Hlc;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language server as an editor sees it: LSP4J's client launcher talking JSON-RPC to the server over pipes,
 * on a copy of the bundled spec (which checks clean), edited as a user would type.
 */
class LanguageServerProtocolTest {
    @TempDir
    Path dir;
    Path spec;
    String text;
    LspSession lsp;
    String uri;

    @BeforeEach
    void start() throws Exception {
        spec = dir.resolve("homelab.hl");
        Files.copy(Hlc.project().resolve("spec/homelab.hl"), spec);
        text = Files.readString(spec);
        lsp = new LspSession();
        uri = lsp.open(spec);
        lsp.awaitDiagnostics(uri, List::isEmpty);
    }

    @AfterEach
    void stop() throws Exception {
        lsp.close();
    }

    /** The 0-based position of the n-th (0-based) occurrence of a piece of text, plus an offset into it. */
    private Position at(String what, int nth, int plus) {
        int i = -1;
        for (int k = 0; k <= nth; k++) i = text.indexOf(what, i + 1);
        assertTrue(i >= 0, "the spec has `" + what + "`");
        return position(i + plus);
    }

    private Position position(int offset) {
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

    /** Types a replacement of {@code from} (its n-th occurrence) and keeps the test's copy of the text in step. */
    private void type(String from, int nth, String to) {
        lsp.edit(uri, new Range(at(from, nth, 0), at(from, nth, from.length())), to);
        int i = -1;
        for (int k = 0; k <= nth; k++) i = text.indexOf(from, i + 1);
        text = text.substring(0, i) + to + text.substring(i + from.length());
    }

    @Test
    void anAddressTypedOutsideItsNetworkIsUnderlinedWithTheNetworkAsRelatedInformationAndClearsWhenFixed() throws Exception {
        type("192.168.5.211", 0, "192.168.6.211");
        List<Diagnostic> ds = lsp.awaitDiagnostics(uri, l -> !l.isEmpty());
        Diagnostic d = ds.stream().filter(x -> x.getCode().getLeft().equals("HL023")).findFirst().orElseThrow();
        assertEquals(at("192.168.6.211", 0, 0), d.getRange().getStart());
        assertEquals(13, d.getRange().getEnd().getCharacter() - d.getRange().getStart().getCharacter());
        assertTrue(d.getMessage().contains("outside network `lan` (192.168.5.0/24)"), d.getMessage());
        assertTrue(d.getMessage().contains("hint: pick an address in 192.168.5.0/24"), d.getMessage());
        assertEquals("hlc", d.getSource());
        var related = d.getRelatedInformation().get(0);
        assertEquals(uri, related.getLocation().getUri());
        assertEquals(at("192.168.5.0/24", 0, 0), related.getLocation().getRange().getStart());
        assertTrue(related.getMessage().contains("declared here"), related.getMessage());

        type("192.168.6.211", 0, "192.168.5.211");
        lsp.awaitDiagnostics(uri, List::isEmpty);
    }

    @Test
    void findingsOfAnImportedFileComeFromTheSpecThatImportsItAsBothAreEdited() throws Exception {
        Path main = dir.resolve("split.hl");
        Path nets = dir.resolve("networks.hl");
        int start = text.indexOf("network ceph {");
        int end = text.indexOf("}\n", start) + 2;
        Files.writeString(nets, text.substring(start, end));
        Files.writeString(main, "import \"networks.hl\"\n\n" + text.substring(0, start) + text.substring(end));
        String mainUri = lsp.open(main);
        String netsUri = lsp.open(nets);
        lsp.awaitDiagnostics(mainUri, List::isEmpty);
        // Renaming the network in the imported (unsaved) buffer breaks the references in the other file.
        lsp.edit(netsUri, 0, 8, 12, "storage-net");
        List<Diagnostic> ds = lsp.awaitDiagnostics(mainUri, l -> !l.isEmpty());
        assertTrue(ds.stream().allMatch(d -> d.getCode().getLeft().equals("HL010")), ds.toString());
        assertTrue(ds.get(0).getMessage().contains("there is no network named `ceph`"), ds.get(0).getMessage());
        lsp.edit(netsUri, 0, 8, 19, "ceph");
        lsp.awaitDiagnostics(mainUri, List::isEmpty);
    }

    @Test
    void hoverOnAReferenceSaysWhatItResolvesTo() throws Exception {
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("on lan address", 0, 4))).get(10, TimeUnit.SECONDS);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("network `lan`"), md);
        assertTrue(md.contains("CIDR 192.168.5.0/24"), md);
        assertTrue(md.contains("gateway `udm-pro` (192.168.5.1)"), md);

        Hover host = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("host k8s-2", 0, 6))).get(10, TimeUnit.SECONDS);
        String hostMd = host.getContents().getRight().getValue();
        assertTrue(hostMd.contains("role controlplane"), hostMd);
        assertTrue(hostMd.contains("interface bond0 on lan 192.168.5.212"), hostMd);
    }

    /**
     * A value the spec leaves out is shown with the default hlc applies, from the resolved model, and marked as a
     * default; a written one is shown as written, without the mark. homelab.hl writes cni, pods and the flux
     * interval, and leaves out the KubePrism port, the cluster domain and the flux layout.
     */
    @Test
    void hoverShowsTheDefaultsAValueLeftOutGets() throws Exception {
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("cluster main", 0, 9))).get(10, TimeUnit.SECONDS);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("**cluster `main`**"), md);
        assertTrue(md.contains("- kubeprism port 7445 (default)"), md);
        assertTrue(md.contains("- cluster domain cluster.local (default)"), md);
        assertTrue(md.contains("- flux layout flat (default)"), md);
        assertTrue(md.contains("- cni cilium\n"), md);
        assertTrue(md.contains("- pods 10.42.0.0/16\n"), md);
        assertTrue(md.contains("- flux interval 1h\n"), md);

        // Written where it was left out, the value loses its mark: the hover reads the edited buffer's model.
        type("  cni cilium", 0, "  cni cilium\n  kubeprism 7445");
        lsp.awaitDiagnostics(uri, List::isEmpty);
        String edited = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("cluster main", 0, 9)))
                .get(10, TimeUnit.SECONDS).getContents().getRight().getValue();
        assertTrue(edited.contains("- kubeprism port 7445\n"), edited);

        Hover pool = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("pool ceph-blockpool", 0, 6))).get(10, TimeUnit.SECONDS);
        String poolMd = pool.getContents().getRight().getValue();
        assertTrue(poolMd.contains("- replicas 3\n"), poolMd);
        assertTrue(poolMd.contains("- min size 2\n"), poolMd);
        assertFalse(poolMd.contains("(default)"), poolMd); // homelab.hl writes every setting of its pool
    }

    @Test
    void hoverOnAFindingShowsItsExplanation() throws Exception {
        type("192.168.5.212", 0, "192.168.5.211");
        lsp.awaitDiagnostics(uri, l -> !l.isEmpty());
        Hover h = lsp.server.getTextDocumentService().hover(new HoverParams(lsp.doc(uri), at("192.168.5.211", 1, 2))).get(10, TimeUnit.SECONDS);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("error[HL026]"), md);
        assertTrue(md.contains("# HL026: address used twice"), md);
        assertTrue(md.contains("Failing example"), md);
    }

    @Test
    void definitionAndReferencesOfANetwork() throws Exception {
        var def = lsp.server.getTextDocumentService().definition(new DefinitionParams(lsp.doc(uri), at("on ceph address", 0, 4))).get(10, TimeUnit.SECONDS);
        Location l = def.getLeft().get(0);
        assertEquals(at("network ceph", 0, 8), l.getRange().getStart());

        ReferenceParams rp = new ReferenceParams(lsp.doc(uri), at("network ceph", 0, 9), new ReferenceContext(true));
        List<? extends Location> refs = lsp.server.getTextDocumentService().references(rp).get(10, TimeUnit.SECONDS);
        long inText = text.split("on ceph\\b|-network ceph\\b", -1).length - 1;
        assertEquals(inText + 1, refs.size(), "the declaration and every `on ceph` / `…-network ceph`: " + refs);
    }

    @Test
    void renameChangesEveryReferenceAndRefusesAClash() throws Exception {
        RenameParams ok = new RenameParams(lsp.doc(uri), at("host k8s-1", 0, 6), "m70q-1");
        WorkspaceEdit edit = lsp.server.getTextDocumentService().rename(ok).get(10, TimeUnit.SECONDS);
        List<TextEdit> edits = edit.getChanges().get(uri);
        int uses = text.split("\\bk8s-1\\b", -1).length - 1;
        assertTrue(edits.size() >= 1 && edits.size() <= uses, edits.toString());
        assertTrue(edits.stream().allMatch(e -> e.getNewText().equals("m70q-1")));

        RenameParams clash = new RenameParams(lsp.doc(uri), at("host k8s-1", 0, 6), "k8s-2");
        ExecutionException e = assertThrows(ExecutionException.class, () -> lsp.server.getTextDocumentService().rename(clash).get(10, TimeUnit.SECONDS));
        ResponseErrorException why = assertInstanceOf(ResponseErrorException.class, e.getCause());
        assertTrue(why.getMessage().contains("host `k8s-2` is declared already"), why.getMessage());
    }

    private List<String> complete(Position p) throws Exception {
        var r = lsp.server.getTextDocumentService().completion(new CompletionParams(lsp.doc(uri), p)).get(10, TimeUnit.SECONDS);
        return r.getLeft().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void completionOffersTheBlocksAttributesFromTheGrammar() throws Exception {
        type("host k8s-2 {\n", 0, "host k8s-2 {\n  \n");
        List<String> labels = complete(at("host k8s-2 {\n  \n", 0, 15));
        assertTrue(labels.containsAll(List.of("interface", "role", "memory", "install-disk", "user-volume")), labels.toString());
        assertFalse(labels.contains("cidr"), labels.toString());
    }

    @Test
    void completionOffersDeclaredNamesAndChoices() throws Exception {
        type("interface ceph0 on ceph", 0, "interface ceph0 on  ");
        assertEquals(List.of("lan", "ceph"), complete(at("interface ceph0 on  ", 0, 19)));
        type("role controlplane", 0, "role  ");
        assertEquals(List.of("controlplane", "worker"), complete(at("role  ", 0, 5)));
    }

    @Test
    void completionInAnAddressSlotOffersTheNextFreeAddressesOfTheNetwork() throws Exception {
        // A DHCP range at the bottom of the LAN; .1 is the gateway and .10 the NAS, both used already.
        type("  cidr 192.168.5.0/24\n", 0, "  cidr 192.168.5.0/24\n  dhcp 192.168.5.2 to 192.168.5.9\n");
        type("interface ceph0 on ceph address 192.168.43.11", 0, "interface ceph0 on lan address  ");
        List<String> labels = complete(at("interface ceph0 on lan address  ", 0, 31));
        assertEquals(List.of("192.168.5.11", "192.168.5.12", "192.168.5.13", "192.168.5.14", "192.168.5.15"), labels,
                "not the network address, the DHCP range, the gateway (.1) or the NAS (.10)");
    }

    @Test
    void aQuickFixTakesTheSuggestedName() throws Exception {
        type("on lan address 192.168.5.212", 0, "on lam address 192.168.5.212");
        Diagnostic d = lsp.awaitDiagnostics(uri, l -> !l.isEmpty()).stream()
                .filter(x -> x.getCode().getLeft().equals("HL010")).findFirst().orElseThrow();
        var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(lsp.doc(uri), d.getRange(),
                new CodeActionContext(List.of(d)))).get(10, TimeUnit.SECONDS);
        CodeAction fix = actions.get(0).getRight();
        assertEquals("Change to `lan`", fix.getTitle());
        TextEdit e = fix.getEdit().getChanges().get(uri).get(0);
        assertEquals(d.getRange(), e.getRange());
        lsp.edit(uri, e.getRange(), e.getNewText());
        lsp.awaitDiagnostics(uri, List::isEmpty);
    }

    @Test
    void aQuickFixClearsTheHostBitsOfACidr() throws Exception {
        type("cidr 192.168.43.0/24", 0, "cidr 192.168.43.7/24");
        Diagnostic d = lsp.awaitDiagnostics(uri, l -> l.stream().anyMatch(x -> x.getCode().getLeft().equals("HL021"))).stream()
                .filter(x -> x.getCode().getLeft().equals("HL021")).findFirst().orElseThrow();
        var actions = lsp.server.getTextDocumentService().codeAction(new CodeActionParams(lsp.doc(uri), d.getRange(),
                new CodeActionContext(List.of(d)))).get(10, TimeUnit.SECONDS);
        assertEquals("192.168.43.0/24", actions.get(0).getRight().getEdit().getChanges().get(uri).get(0).getNewText());
    }

    @Test
    void formattingGivesWhatHlcFmtWrites() throws Exception {
        type("  mtu 1500\n}", 0, "      mtu    1500\n}");
        List<? extends TextEdit> edits = lsp.server.getTextDocumentService().formatting(
                new DocumentFormattingParams(lsp.doc(uri), new FormattingOptions(2, true))).get(10, TimeUnit.SECONDS);
        assertEquals(1, edits.size());
        assertEquals(Formatter.formatText("x.hl", text).text(), edits.get(0).getNewText());
        assertEquals(Files.readString(spec), edits.get(0).getNewText(), "the bundled spec is formatted, so fmt undoes the edit");
    }

    @Test
    void outlineFoldingAndSemanticTokens() throws Exception {
        var symbols = lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(lsp.doc(uri))).get(10, TimeUnit.SECONDS);
        List<String> names = symbols.stream().map(s -> s.getRight().getName()).toList();
        assertTrue(names.containsAll(List.of("site home", "network lan", "cluster main", "host k8s-1")), names.toString());
        DocumentSymbol host = symbols.stream().map(s -> s.getRight()).filter(s -> s.getName().equals("host k8s-1")).findFirst().orElseThrow();
        assertTrue(host.getChildren().stream().anyMatch(c -> c.getName().equals("interface bond0")), host.getChildren().toString());

        List<FoldingRange> folds = lsp.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(lsp.doc(uri))).get(10, TimeUnit.SECONDS);
        int networkLine = at("network lan {", 0, 0).getLine();
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == networkLine), folds.toString());

        SemanticTokens tokens = lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(lsp.doc(uri))).get(10, TimeUnit.SECONDS);
        Position cidr = at("192.168.5.0/24", 0, 0);
        assertEquals("cidr", typeAt(tokens.getData(), cidr));
        assertEquals("address", typeAt(tokens.getData(), at("192.168.5.210", 0, 0)));
        assertEquals("duration", typeAt(tokens.getData(), at("interval 1h", 0, 9)));
        assertEquals("keyword", typeAt(tokens.getData(), at("network ceph", 0, 0)));
        assertEquals("variable", typeAt(tokens.getData(), at("network ceph", 0, 8)), "`ceph` names a network here");
    }

    private static String typeAt(List<Integer> data, Position p) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            start = data.get(i) == 0 ? start + data.get(i + 1) : data.get(i + 1);
            if (line == p.getLine() && start == p.getCharacter()) return SemanticTokensProvider.TYPES.get(data.get(i + 3));
        }
        return null;
    }
}
