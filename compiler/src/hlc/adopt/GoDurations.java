package hlc.adopt;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flux durations ({@code 1h}, {@code 30m0s}, {@code 1h30m}) as milliseconds, so equal durations compare equal. */
final class GoDurations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|h|m|s))+");

    private GoDurations() {}

    /** Milliseconds, or -1 when the text is no duration the language can write. */
    static long millis(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) return -1;
        long ms = 0;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            ms += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
        }
        return ms;
    }
}
