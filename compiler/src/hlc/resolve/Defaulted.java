package hlc.resolve;

import hlc.diag.Span;

/**
 * A value the back ends use, and where it came from: written in the spec ({@code writtenAt} is its place), or
 * hlc's default ({@code writtenAt} is null). Every default is applied here once, so a check sees the value the
 * emitters write and can say, when it reports it, that the user never wrote it.
 */
public record Defaulted<T>(T value, Span writtenAt) {
    public static <T> Defaulted<T> written(T value, Span at) {
        return new Defaulted<>(value, at);
    }

    public static <T> Defaulted<T> byDefault(T value) {
        return new Defaulted<>(value, null);
    }

    public boolean isDefault() {
        return writtenAt == null;
    }
}
