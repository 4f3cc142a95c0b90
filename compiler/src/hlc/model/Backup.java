package hlc.model;

import hlc.diag.Span;

import java.util.List;

/**
 * A backup flow: what is saved, with which tool, where to (a service or device, and the device's export), how
 * often (one schedule, with other schedules for some apps), how long copies are kept, and the vault entry that
 * holds the repository's password ({@code secret}, null when the target service's own secret has it).
 */
public record Backup(Name name, Name tool, Name method, Source source, Name target, Duration every,
                     Located<String> schedule, String description, Name targetExport,
                     List<ScheduleFor> schedulesFor, List<Keep> keeps, Duration retention, Name compression,
                     SecretRef secret) implements Named {
    public Backup {
        schedulesFor = List.copyOf(schedulesFor);
        keeps = List.copyOf(keeps);
    }

    /** What a backup saves. */
    public sealed interface Source permits Pvcs, Postgres, Export, Mirror {
        Span span();
    }

    public record Pvcs(Span span) implements Source {}

    public record Postgres(Span span) implements Source {}

    public record Export(Name export, Name device, Span span) implements Source {}

    /** The repository another backup writes, copied elsewhere (a Kopia repository mirrored to B2). */
    public record Mirror(Name backup, Span span) implements Source {}

    /** A cron schedule that replaces the backup's own for the named apps. */
    public record ScheduleFor(Located<String> schedule, List<Name> apps) {
        public ScheduleFor {
            apps = List.copyOf(apps);
        }
    }

    /** How many snapshots of one period are kept: {@code keep hourly 12}. */
    public record Keep(Name period, Located<Integer> count) {}
}
