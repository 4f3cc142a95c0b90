package hlc.diag;

import java.util.List;

/**
 * Findings as GitHub Actions workflow commands, one line per finding:
 * <pre>
 * ::error file=spec/homelab.hl,line=67,col=35,endColumn=46,title=HL023::address … is outside network `lan` (hint: …)
 * </pre>
 * The runner turns each into an annotation on that line, in the run's summary and on a pull request's diff.
 * Labels follow the message on lines of their own ("note: spec/homelab.hl:18:8: network `lan` is declared
 * here"), since an annotation has one place only.
 */
public final class GithubRenderer {
    private final ReportPath paths;

    public GithubRenderer(ReportPath paths) {
        this.paths = paths;
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            Span s = d.span();
            StringBuilder text = new StringBuilder(d.fullMessage());
            for (Label l : d.labels()) {
                text.append("\nnote: ").append(place(l.span())).append(": ").append(l.message());
            }
            out.append("::").append(d.severity().label())
               .append(" file=").append(property(paths.relative(s.path())))
               .append(",line=").append(s.line())
               .append(",col=").append(s.column())
               .append(",endColumn=").append(s.column() + s.length() - 1) // the last column of the span
               .append(",title=").append(property(d.code()))
               .append("::").append(data(text.toString()))
               .append('\n');
        }
        return out.toString();
    }

    private String place(Span s) {
        return paths.relative(s.path()) + ":" + s.line() + ":" + s.column();
    }

    /**
     * The message part. The runner reads a command per line and decodes these three escapes, so a message
     * with a line break stays one annotation instead of ending the command (or starting another).
     */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value (file, title): also ':' and ',', which separate the command's parts and properties. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
