package hlc.model;

import hlc.diag.Span;

/** A duration such as {@code 6h} or {@code 1h30m}; {@code text} keeps the spelling for emitted files. */
public record Duration(java.time.Duration value, String text, Span span) {}
