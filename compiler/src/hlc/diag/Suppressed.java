package hlc.diag;

/** A warning the spec acknowledged: still a finding, shown as suppressed by the machine formats, never counted. */
public record Suppressed(Diagnostic diagnostic, Acknowledgement by) {}
