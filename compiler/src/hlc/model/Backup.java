package hlc.model;

import hlc.diag.Span;

/** A backup flow: what is saved, with which tool, where to, and how often. */
public record Backup(Name name, Name tool, Name method, Source source, Name target, Duration every,
                     Located<String> schedule, String description) {

    /** What a backup saves. */
    public sealed interface Source permits Pvcs, Postgres, Export {
        Span span();
    }

    public record Pvcs(Span span) implements Source {}

    public record Postgres(Span span) implements Source {}

    public record Export(Name export, Name device, Span span) implements Source {}
}
