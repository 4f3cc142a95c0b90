package hlc.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Machine-readable findings for scripts and CI: one JSON object with the diagnostics and the counts. */
public final class JsonRenderer {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(List<Diagnostic> diagnostics, long errors, long warnings) {
        return render(diagnostics, List.of(), errors, warnings);
    }

    /**
     * With the warnings the spec acknowledged: listed after the others with {@code "suppressed"} (the reason and
     * where it is written) and counted apart, as {@code acknowledged}, never in {@code warnings}.
     */
    public String render(List<Diagnostic> diagnostics, List<Suppressed> suppressed, long errors, long warnings) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) diagnostic(list.addObject(), d);
        for (Suppressed s : suppressed) {
            ObjectNode o = list.addObject();
            diagnostic(o, s.diagnostic());
            ObjectNode by = o.putObject("suppressed");
            by.put("reason", s.by().reason());
            location(by, s.by().at());
        }
        root.put("errors", errors);
        root.put("warnings", warnings);
        root.put("acknowledged", suppressed.size());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    private static void diagnostic(ObjectNode o, Diagnostic d) {
        o.put("code", d.code());
        o.put("severity", d.severity().label());
        o.put("message", d.message());
        location(o, d.span());
        if (d.hint() != null) o.put("hint", d.hint());
        if (d.primaryLabel() != null) o.put("label", d.primaryLabel());
        if (!d.suggestions().isEmpty()) {
            ArrayNode fixes = o.putArray("suggestions");
            for (Suggestion g : d.suggestions()) {
                ObjectNode f = fixes.addObject();
                f.put("message", g.message());
                f.put("replacement", g.replacement());
                location(f, g.span());
            }
        }
        if (!d.labels().isEmpty()) {
            ArrayNode related = o.putArray("related");
            for (Label l : d.labels()) {
                ObjectNode r = related.addObject();
                r.put("message", l.message());
                location(r, l.span());
            }
        }
        if (!d.notes().isEmpty()) {
            ArrayNode notes = o.putArray("notes");
            d.notes().forEach(notes::add);
        }
    }

    private static void location(ObjectNode o, Span s) {
        o.put("file", s.path());
        o.put("line", s.line());
        o.put("column", s.column());
        o.put("length", s.length());
    }
}
