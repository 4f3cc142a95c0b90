package hlc.adopt;

import java.util.regex.Pattern;

/**
 * Text of one imported spec file, written block by block in the layout {@code hlc fmt} gives (which then
 * makes it canonical). A setting the language cannot say is a comment {@code // not imported: …} at its place,
 * naming the source file and line; each one is counted for the summary.
 */
final class SpecText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");
    private final StringBuilder out = new StringBuilder();
    private int notImported;
    private int healthChecks;

    SpecText line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
        return this;
    }

    SpecText blank() {
        if (out.length() > 0 && !out.toString().endsWith("\n\n")) out.append('\n');
        return this;
    }

    SpecText comment(int indent, String text) {
        for (String l : text.split("\n")) out.append("  ".repeat(indent)).append("// ").append(l).append('\n');
        return this;
    }

    /** A setting kept as a comment: what it is and where ({@code file:line}). */
    SpecText notImported(int indent, String what) {
        notImported++;
        return comment(indent, "not imported: " + what.replace('\n', ' '));
    }

    /** A Flux health check kept as a comment: counted with the others, and on its own for the summary. */
    SpecText healthCheck(int indent, String what) {
        healthChecks++;
        return notImported(indent, "health check " + what);
    }

    int healthCheckCount() {
        return healthChecks;
    }

    int notImportedCount() {
        return notImported;
    }

    String text() {
        return out.toString();
    }

    /** A string literal of the language: double quotes, backslash escapes. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    /** Whether the language can spell this as a name (an app, a host, a namespace, a component segment). */
    static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches();
    }
}
