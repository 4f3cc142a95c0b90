package hlc.fmt;

import hlc.Compiler;
import hlc.diag.Diagnostic;
import hlc.diag.Label;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.emit.Emitters;
import hlc.emit.Emission;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.secrets.SecretsBundle;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a spec means, with every source position left out, so that a spec and its formatted text can be
 * compared: the findings as a sorted list (a multiset) of severity, code, message, hint, notes and label texts;
 * the model as a tree of its values (a place becomes the word "span", so a flag that is a place, like a storage
 * class's {@code default}, still counts); and, for a spec without errors, every file a compile emits.
 */
final class Meaning {
    private static final Renderer RENDERER = new Renderer("spec.hl");

    private Meaning() {}

    static List<String> findings(Compiler.Result result) {
        return findings(result.reporter());
    }

    static List<String> findings(Reporter reporter) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : reporter.sorted()) {
            List<String> labels = d.labels().stream().map(Label::message).toList();
            out.add(d.severity() + " " + d.code() + ": " + d.message() + " | hint: " + d.hint() + " | notes: "
                    + d.notes() + " | labels: " + labels + " | primary: " + d.primaryLabel() + " | suggestions: "
                    + d.suggestions().stream().map(g -> g.message() + " -> " + g.replacement()).toList());
        }
        out.sort(null);
        return out;
    }

    static Object model(Compiler.Result result) {
        return shape(result.spec());
    }

    /** The emitted files (all four targets, Talos with the placeholder bundle) and the findings of emitting. */
    static List<String> emitted(Compiler.Result result) {
        Reporter reporter = new Reporter();
        List<RenderedFile> files = Emission.run(result.resolved(),
                Emitters.all(SecretsBundle.placeholder()),
                RENDERER, reporter);
        List<String> out = new ArrayList<>(findings(reporter));
        for (RenderedFile f : files) out.add(f.path() + "\n" + f.content());
        return out;
    }

    private static Object shape(Object value) {
        if (value == null) return null;
        if (value instanceof Span) return "span";
        if (value instanceof SourceFile file) return file.displayPath();
        if (value instanceof List<?> list) return list.stream().map(Meaning::shape).toList();
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("record", record.getClass().getName());
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    // an inline patch's offsets are where its text sits in the file: a place, like a span
                    boolean place = c.getName().equals("lineOffset") || c.getName().equals("columnOffset");
                    fields.put(c.getName(), place ? "span" : shape(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return fields;
        }
        return value; // strings, numbers, enums, addresses, durations: compared by equals
    }
}
