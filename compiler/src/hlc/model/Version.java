package hlc.model;

import hlc.diag.Span;

/** A release version such as {@code v1.10.7}: major, minor and patch, plus any pre-release suffix. */
public record Version(String text, int major, int minor, int patch, Span span) {
    public boolean atLeast(int maj, int min) {
        return major > maj || (major == maj && minor >= min);
    }
}
