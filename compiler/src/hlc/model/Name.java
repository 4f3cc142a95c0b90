package hlc.model;

import hlc.diag.Span;

/** A name as the user wrote it (a declaration's own name, or a reference to one), with its place. */
public record Name(String text, Span span) {
    /**
     * The name as DNS compares names: lower case, without the root's trailing dot (`T0M.co.` and `t0m.co` are one
     * domain). For names that are DNS names; other names are compared by their text.
     */
    public String dnsKey() {
        return dnsKey(text);
    }

    public static String dnsKey(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return text;
    }
}
