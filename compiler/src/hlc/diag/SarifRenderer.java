package hlc.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Findings as a SARIF 2.1.0 log, the format GitHub code scanning (and most CI dashboards) import: one run of
 * the tool {@code hlc}, whose rules are every code of {@link Code}, and one result per diagnostic. The rules are
 * all listed, not only those that fired, so a viewer can explain a code and an alert closes when its finding is
 * fixed. Labels ("network `lan` is declared here") become related locations.
 */
public final class SarifRenderer {
    /** The OASIS schema's address; tools recognise the format by it. */
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String version;
    private final ReportPath paths;

    public SarifRenderer(String version, ReportPath paths) {
        this.version = version;
        this.paths = paths;
    }

    public String render(List<Diagnostic> diagnostics) {
        return render(diagnostics, List.of());
    }

    /**
     * With the warnings the spec acknowledged, each a result with an in-source suppression (SARIF §3.35) whose
     * justification is the acknowledgement's reason: code scanning shows them as dismissed, not as open alerts.
     */
    public String render(List<Diagnostic> diagnostics, List<Suppressed> suppressed) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "hlc");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        for (Code c : Code.values()) rule(rules.addObject(), c);
        // Spans count UTF-16 units (parse/TokenSpans converts ANTLR's code-point columns once), as editors do.
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) result(results.addObject(), d);
        for (Suppressed s : suppressed) {
            ObjectNode r = results.addObject();
            result(r, s.diagnostic());
            ObjectNode sup = r.putArray("suppressions").addObject();
            sup.put("kind", "inSource");
            sup.put("status", "accepted");
            sup.put("justification", s.by().reason());
            location(sup.putObject("location"), s.by().at());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException("cannot render SARIF", e);
        }
    }

    private static void rule(ObjectNode r, Code c) {
        r.put("id", c.name());
        r.put("name", RuleName.of(c));
        r.putObject("shortDescription").put("text", c.title());
        r.putObject("help").put("text", help(c));
        r.putObject("defaultConfiguration").put("level", c.severity().label());
    }

    /** What a reader of one alert needs to know about its code beyond the finding's own message. */
    private static String help(Code c) {
        String effect = c.severity() == Severity.ERROR
                ? "hlc reports it as an error: the spec does not compile until it is fixed."
                : "hlc reports it as a warning: the spec compiles, but `hlc check --strict` fails.";
        return c.name() + ": " + c.title() + ". " + effect
                + " Each finding says what is wrong at its place and, where hlc knows one, how to fix it (the hint);"
                + " README.md, \"The checks\", describes every code.";
    }

    private void result(ObjectNode r, Diagnostic d) {
        r.put("ruleId", d.code());
        int index = ruleIndex(d.code());
        if (index >= 0) r.put("ruleIndex", index);
        r.put("level", d.severity().label());
        r.putObject("message").put("text", d.fullMessage());
        ObjectNode primary = r.putArray("locations").addObject();
        location(primary, d.span());
        if (d.primaryLabel() != null) primary.putObject("message").put("text", d.primaryLabel());
        if (!d.suggestions().isEmpty() && !d.sensitive()) fixes(r.putArray("fixes"), d.suggestions());
        if (d.labels().isEmpty()) return;
        ArrayNode related = r.putArray("relatedLocations");
        int id = 1;
        for (Label l : d.labels()) {
            ObjectNode o = related.addObject();
            // Ids keep two labels at one place distinct: SARIF wants the related locations unique.
            o.put("id", id++);
            location(o, l.span());
            o.putObject("message").put("text", l.message());
        }
    }

    /** Each suggestion as a SARIF fix: one artifact change replacing the span's text with the suggested one. */
    private void fixes(ArrayNode fixes, List<Suggestion> suggestions) {
        for (Suggestion g : suggestions) {
            ObjectNode fix = fixes.addObject();
            fix.putObject("description").put("text", g.message());
            ObjectNode change = fix.putArray("artifactChanges").addObject();
            change.putObject("artifactLocation").put("uri", paths.uri(g.span().path()));
            ObjectNode replacement = change.putArray("replacements").addObject();
            region(replacement.putObject("deletedRegion"), g.span());
            replacement.putObject("insertedContent").put("text", g.replacement());
        }
    }

    private void location(ObjectNode o, Span s) {
        ObjectNode physical = o.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", paths.uri(s.path()));
        region(physical.putObject("region"), s);
    }

    private static void region(ObjectNode region, Span s) {
        region.put("startLine", s.line());
        region.put("startColumn", s.column());
        region.put("endColumn", s.column() + s.length()); // SARIF's end column is the one after the region
    }

    private static int ruleIndex(String code) {
        try {
            return Code.valueOf(code).ordinal();
        } catch (IllegalArgumentException notACode) {
            return -1;
        }
    }
}
