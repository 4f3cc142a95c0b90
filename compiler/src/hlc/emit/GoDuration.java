package hlc.emit;

import java.time.Duration;

/** Durations in Go's syntax, which Flux and Talos parse: {@code 1h30m}, {@code 24h}, never {@code 1d}. */
public final class GoDuration {
    private GoDuration() {}

    /** Whole milliseconds are kept ({@code 1s500ms}); Go's parser takes the units in any combination. */
    public static String of(Duration d) {
        long s = d.getSeconds();
        long ms = d.toMillisPart();
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) b.append(h).append('h');
        if (m > 0) b.append(m).append('m');
        if (sec > 0 || (b.length() == 0 && ms == 0)) b.append(sec).append('s');
        if (ms > 0) b.append(ms).append("ms");
        return b.toString();
    }
}
