package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `backup` block: what is saved, where to, and how often. */
final class BackupBuilder extends BlockBuilder {
    BackupBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Backup build(BackupDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("backup", name);
        Slot<Name> tool = new Slot<>("tool", t);
        Slot<Name> method = new Slot<>("method", t);
        Slot<Backup.Source> source = new Slot<>("source", t);
        Slot<Name> target = new Slot<>("to", t);
        Slot<Duration> every = new Slot<>("every", t);
        Slot<Located<String>> schedule = new Slot<>("schedule", t);
        Slot<String> desc = new Slot<>("description", t);
        Slot<Name> targetExport = new Slot<>("to ... export", t);
        Slot<Duration> retention = new Slot<>("retention", t);
        Slot<Name> compression = new Slot<>("compression", t);
        Slot<SecretRef> secret = new Slot<>("secret", t);
        List<Backup.ScheduleFor> schedulesFor = new ArrayList<>();
        List<Backup.Keep> keeps = new ArrayList<>();
        for (BackupAttrContext a : ctx.backupAttr()) {
            Span at = lit.span(a);
            if (a instanceof BackupToolContext c) tool.set(reporter, at, lit.name(c.name()));
            else if (a instanceof BackupMethodContext c) method.set(reporter, at, lit.name(c.name()));
            else if (a instanceof BackupSourceAttrContext c) source.set(reporter, at, backupSource(c.backupSource()));
            else if (a instanceof BackupTargetContext c && !c.name().isEmpty()) {
                target.set(reporter, at, lit.name(c.name(0)));
                if (c.name().size() > 1) targetExport.set(reporter, at, lit.name(c.name(1)));
            }
            else if (a instanceof BackupEveryContext c) every.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof BackupScheduleContext c) schedule.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof BackupDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof BackupScheduleForContext c) {
                Located<String> sched = lit.nonEmpty(c.STRING(), "schedule");
                if (sched != null) schedulesFor.add(new Backup.ScheduleFor(sched, names(c.nameList())));
            } else if (a instanceof BackupKeepContext c) {
                Name period = lit.name(c.name());
                Located<Integer> count = lit.number(c.number(), 1, 100000, "number of snapshots kept");
                if (period != null && count != null) keeps.add(new Backup.Keep(period, count));
            } else if (a instanceof BackupRetentionContext c) retention.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof BackupCompressionContext c) compression.set(reporter, at, lit.name(c.name()));
            else if (a instanceof BackupSecretContext c) secret.set(reporter, at, secretRef(c.secretRef()));
        }
        require(ctx, source, name, "backup", "source", "source pvcs");
        require(ctx, target, name, "backup", "to", "to b2");
        if (name != null && !every.given() && !schedule.given() && !syntaxErrorInside(ctx)) {
            reporter.error(Code.HL007, name.span(), t + " has no `every` or `schedule`")
                    .hint("say how often it runs, e.g. `every 6h` or `schedule \"0 3 * * *\"`").emit();
        }
        toExport(name, tool.get(), method.get(), targetExport.get(), secret.get());
        return name == null ? null : new Backup(name, tool.get(), method.get(), source.get(), target.get(), every.get(),
                    schedule.get(), desc.get(), targetExport.get(), schedulesFor, keeps, retention.get(),
                    compression.get(), secret.get());
    }

    /**
     * What a backup to a NAS export needs from its tool: VolSync keeps a restic repository on the export and needs
     * its password (the export has no credentials to hold it); CloudNativePG's Barman Cloud writes only to object
     * stores, so a barman backup to an export cannot be carried out.
     */
    private void toExport(Name name, Name tool, Name method, Name export, SecretRef secret) {
        if (name == null || export == null || tool == null) return;
        if (tool.text().equals("volsync") && secret == null) {
            reporter.error(Code.HL007, name.span(), "backup `" + name + "` keeps a restic repository on NAS export `" + export
                            + "` but names no password for it")
                    .label(export.span(), "the export")
                    .hint("add `secret \"KEY\" from VAULT`: the vault entry with the repository's password").emit();
        }
        if (tool.text().equals("cnpg") && method != null && method.text().equals("barman")) {
            reporter.error(Code.HL004, export.span(), "backup `" + name + "`: CloudNativePG's Barman Cloud writes to an object"
                            + " store, not to NAS export `" + export + "`")
                    .hint("back up to an object-storage service (`to backblaze-b2`), or use `method pg-dump` for dumps on the export").emit();
        }
    }

    private Backup.Source backupSource(BackupSourceContext c) {
        if (Literals.missing(c)) return null;
        Span at = lit.span(c);
        if (c instanceof SourcePvcsContext) return new Backup.Pvcs(at);
        if (c instanceof SourcePostgresContext) return new Backup.Postgres(at);
        if (c instanceof SourceExportContext e && e.name().size() == 2) {
            Name ex = lit.name(e.name(0));
            Name dev = lit.name(e.name(1));
            return ex == null || dev == null ? null : new Backup.Export(ex, dev, at);
        }
        if (c instanceof SourceBackupContext b) {
            Name other = lit.name(b.name());
            return other == null ? null : new Backup.Mirror(other, at);
        }
        return null;
    }
}
