package hlc.model;

import hlc.diag.Span;

/** A name as the user wrote it (a declaration's own name, or a reference to one), with its place. */
public record Name(String text, Span span) {
    @Override
    public String toString() {
        return text;
    }
}
