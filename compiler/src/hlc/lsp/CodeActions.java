package hlc.lsp;

import hlc.diag.Suggestion;
import hlc.lsp.SpecAnalyzer.Analysis;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quick fixes from the findings' suggestions: where a finding proposes the exact text that belongs at a place
 * ("did you mean `k8s-2`?", "the network is written `192.168.5.0/24`"), one action writes it there. The
 * suggestion is the finding's structured {@link hlc.diag.Suggestion}; a hint in prose gives no action.
 */
final class CodeActions {
    private CodeActions() {}

    static List<CodeAction> actions(Analysis a, Path file, Range range, String uri) {
        List<CodeAction> out = new ArrayList<>();
        for (hlc.diag.Diagnostic d : a.diagnosticsOf(file)) {
            Range at = Positions.range(d.span());
            if (!overlaps(at, range)) continue;
            for (Suggestion g : d.suggestions()) {
                if (!g.span().file().path().equals(d.span().file().path())) continue; // the action edits this document
                CodeAction action = new CodeAction("Change to `" + g.replacement() + "`");
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(DiagnosticConverter.toLsp(d, null)));
                action.setIsPreferred(true);
                action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(Positions.range(g.span()), g.replacement())))));
                out.add(action);
            }
        }
        return out;
    }

    private static boolean overlaps(Range a, Range b) {
        return !(before(a.getEnd(), b.getStart()) || before(b.getEnd(), a.getStart()));
    }

    private static boolean before(org.eclipse.lsp4j.Position x, org.eclipse.lsp4j.Position y) {
        return x.getLine() < y.getLine() || (x.getLine() == y.getLine() && x.getCharacter() < y.getCharacter());
    }
}
