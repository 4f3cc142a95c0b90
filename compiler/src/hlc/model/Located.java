package hlc.model;

import hlc.diag.Span;

/** A plain value (number, string, flag) with the place it was written. */
public record Located<T>(T value, Span span) {}
