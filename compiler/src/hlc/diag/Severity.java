package hlc.diag;

/** How bad a finding is. Errors fail a compile; warnings fail only under {@code --strict}. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
