package hlc.model;

import hlc.diag.Span;

import java.math.BigDecimal;

/** A size such as {@code 64GiB} or {@code 1.92TB}; {@code bytes} is exact for binary units. */
public record Size(BigDecimal bytes, String text, Span span) {}
