package hlc.lsp;

import hlc.diag.Label;
import hlc.diag.Severity;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * An hlc finding as an editor shows it: the same code, place and words as {@code hlc check}; the hint and
 * notes follow the message (editors have no field for them), and the secondary places ("network `lan` is
 * declared here") become related information, which editors list under the finding and link to.
 */
final class DiagnosticConverter {
    private DiagnosticConverter() {}

    static Diagnostic toLsp(hlc.diag.Diagnostic d, DocumentStore documents) {
        StringBuilder message = new StringBuilder(d.message());
        if (d.hint() != null) message.append("\nhint: ").append(d.hint());
        for (hlc.diag.Suggestion g : d.suggestions()) message.append("\nhelp: ").append(g.message());
        for (String n : d.notes()) message.append("\nnote: ").append(n);
        Diagnostic out = new Diagnostic(Positions.range(d.span()), message.toString(),
                d.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "hlc", d.code());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Label l : documents == null ? List.<Label>of() : d.labels()) {
            related.add(new DiagnosticRelatedInformation(
                    new Location(documents.uriOf(l.span().file().path()), Positions.range(l.span())), l.message()));
        }
        if (!related.isEmpty()) out.setRelatedInformation(related);
        return out;
    }
}
