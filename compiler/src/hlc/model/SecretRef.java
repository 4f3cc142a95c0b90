package hlc.model;

import hlc.diag.Span;

/** A secret by reference: its key in a vault service. The value itself never enters the model. */
public record SecretRef(Located<String> key, Name vault, Span span) {}
