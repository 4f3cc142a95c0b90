package hlc.emit;

import java.time.Duration;

/** Durations in Go's syntax, which Flux and Talos parse: {@code 1h30m}, {@code 24h}, never {@code 1d}. */
public final class GoDuration {
    private GoDuration() {}

    public static String of(Duration d) {
        long s = d.getSeconds();
        long h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) b.append(h).append('h');
        if (m > 0) b.append(m).append('m');
        if (sec > 0 || b.length() == 0) b.append(sec).append('s');
        return b.toString();
    }
}
