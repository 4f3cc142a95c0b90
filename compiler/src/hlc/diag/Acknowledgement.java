package hlc.diag;

/**
 * A warning the spec accepts at its place: the comment {@code # hlc:allow HL061 "reason"} before a block or an
 * attribute (or at the end of its last line). {@code at} is the comment itself (where a stale acknowledgement is
 * reported); {@code path}, {@code firstLine} and {@code lastLine} are the element whose warnings it accepts.
 */
public record Acknowledgement(String code, String reason, Span at, String path, int firstLine, int lastLine) {
    /** Whether this acknowledgement accepts that finding: a warning of its code whose primary place is in its element. */
    boolean accepts(Diagnostic d) {
        return !d.isError() && d.code().equals(code) && d.span().path().equals(path)
                && d.span().line() >= firstLine && d.span().line() <= lastLine;
    }

    /** Where it applies, for messages: "line 5" or "lines 5-9". */
    String place() {
        return firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
    }
}
