package hlc.lsp;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes from the findings' suggestions: where a finding proposes the text that belongs at its place
 * ("did you mean `k8s-2`?", "the network is written `192.168.5.0/24`"), one action writes it there. The
 * suggestion is read from the hint's fixed wording, which {@code Suggest.didYouMean} and the literal checks
 * produce; a hint that proposes nothing exact gives no action.
 */
final class CodeActions {
    /** Hints that name the exact replacement of the finding's primary text, and the action's title for each. */
    private static final List<Map.Entry<Pattern, String>> REPLACEMENTS = List.of(
            Map.entry(Pattern.compile("^did you mean `([^`]+)`\\?$"), "Change to `%s`"),
            Map.entry(Pattern.compile("^the network is written `([^`]+)`$"), "Clear the host bits: `%s`"));

    private CodeActions() {}

    static List<CodeAction> actions(Analysis a, Path file, Range range, String uri) {
        List<CodeAction> out = new ArrayList<>();
        for (hlc.diag.Diagnostic d : a.diagnosticsOf(file)) {
            Range at = Positions.range(d.span());
            if (!overlaps(at, range) || d.hint() == null) continue;
            for (Map.Entry<Pattern, String> r : REPLACEMENTS) {
                Matcher m = r.getKey().matcher(d.hint());
                if (!m.matches()) continue;
                CodeAction action = new CodeAction(String.format(r.getValue(), m.group(1)));
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(DiagnosticConverter.toLsp(d, null)));
                action.setIsPreferred(true);
                action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(at, m.group(1))))));
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
