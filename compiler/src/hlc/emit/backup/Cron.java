package hlc.emit.backup;

import java.time.Duration;

/**
 * A backup's {@code every} as a cron schedule: a period that divides an hour or a day evenly, a day, or a week.
 * Anything else has no cron form that keeps the period (every 5h would skip at midnight) and is refused.
 */
final class Cron {
    private Cron() {}

    /** The five-field cron expression, or null when the period has none. */
    static String every(Duration d) {
        long minutes = d.toMinutes();
        if (minutes <= 0 || !d.equals(Duration.ofMinutes(minutes))) return null;
        if (minutes < 60) return 60 % minutes == 0 ? (minutes == 1 ? "* * * * *" : "*/" + minutes + " * * * *") : null;
        if (minutes % 60 != 0) return null;
        long hours = minutes / 60;
        if (hours < 24) return 24 % hours == 0 ? (hours == 1 ? "0 * * * *" : "0 */" + hours + " * * *") : null;
        if (hours == 24) return "0 0 * * *";
        if (hours == 24 * 7) return "0 0 * * 0";
        return null;
    }

    /** CloudNativePG's schedules have a seconds field first; a five-field expression gets {@code 0} seconds. */
    static String withSeconds(String cron) {
        return cron.trim().split("\\s+").length == 5 ? "0 " + cron.trim() : cron.trim();
    }
}
