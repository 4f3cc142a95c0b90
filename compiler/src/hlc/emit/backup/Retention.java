package hlc.emit.backup;

import java.time.Duration;

/** A backup's {@code retention} in the forms the tools read, whose units differ from the spec's. */
final class Retention {
    private Retention() {}

    /**
     * restic's {@code --keep-within} (VolSync's {@code retain.within}): days and hours only, because restic reads
     * {@code m} as months; a part of an hour is rounded up.
     */
    static String restic(Duration d) {
        long hours = (d.toMinutes() + 59) / 60;
        long days = hours / 24;
        long rest = hours % 24;
        if (days == 0) return Math.max(rest, 1) + "h";
        return days + "d" + (rest == 0 ? "" : rest + "h");
    }

    /** Barman's retention policy, {@code <n>d}: whole days, a part of a day rounded up. */
    static String barman(Duration d) {
        long days = (d.toHours() + 23) / 24;
        return Math.max(days, 1) + "d";
    }
}
