package hlc.diag;

/** A secondary place a diagnostic points at, with what it is ("first declared here"). */
public record Label(Span span, String message) {}
