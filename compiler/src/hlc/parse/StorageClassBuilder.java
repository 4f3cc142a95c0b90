package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `storage-class` block: one backend and the class options. */
final class StorageClassBuilder extends BlockBuilder {
    StorageClassBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    StorageClass build(StorageClassDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("storage-class", name);
        Slot<StorageClass.Backend> backend = new Slot<>("backend (ceph, hostpath, nfs, static, longhorn, zfs, democratic-csi, cephfs or bucket)", t);
        Slot<Span> isDefault = new Slot<>("default", t);
        Slot<Name> fs = new Slot<>("filesystem", t);
        Slot<Name> reclaim = new Slot<>("reclaim", t);
        Slot<Boolean> expandable = new Slot<>("expandable", t);
        Slot<Name> binding = new Slot<>("binding", t);
        Slot<Name> cluster = new Slot<>("cluster", t);
        List<Located<String>> mountOptions = new ArrayList<>();
        Slot<Name> locality = new Slot<>("data-locality", t);
        List<StorageClass.Recurring> recurring = new ArrayList<>();
        for (StorageClassAttrContext a : ctx.storageClassAttr()) {
            Span at = lit.span(a);
            if (a instanceof ScCephContext c) {
                Name pool = lit.name(c.name());
                backend.set(reporter, at, pool == null ? null : new StorageClass.CephPool(pool, at));
            } else if (a instanceof ScHostpathContext c) {
                Located<String> path = lit.absolutePath(c.STRING(), "hostpath", "/", "/var/openebs/local");
                backend.set(reporter, at, path == null ? null : new StorageClass.Hostpath(path, at));
            } else if (a instanceof ScNfsContext c && c.name().size() == 2) {
                Name export = lit.name(c.name(0));
                Name device = lit.name(c.name(1));
                backend.set(reporter, at, export == null || device == null ? null : new StorageClass.Nfs(export, device, at));
            } else if (a instanceof ScDefaultContext) isDefault.set(reporter, at, at);
            else if (a instanceof ScFilesystemContext c) fs.set(reporter, at, lit.choice(c.name(), FILESYSTEMS, "filesystem"));
            else if (a instanceof ScReclaimContext c) reclaim.set(reporter, at, lit.choice(c.name(), RECLAIM, "reclaim policy"));
            else if (a instanceof ScExpandableContext) expandable.set(reporter, at, true);
            else if (a instanceof ScStaticContext c) {
                Name host = lit.name(c.name());
                backend.set(reporter, at, host == null ? null : new StorageClass.Static(host, lit.size(c.SIZE()), at));
            } else if (a instanceof ScBindingContext c) binding.set(reporter, at, lit.choice(c.name(), BINDING_MODES, "volume binding mode"));
            else if (a instanceof ScClusterContext c) cluster.set(reporter, at, lit.name(c.name()));
            else if (a instanceof ScMountOptionContext c) addIfPresent(mountOptions, lit.nonEmpty(c.STRING(), "mount option"));
            else if (a instanceof ScLonghornContext c) {
                backend.set(reporter, at, new StorageClass.Longhorn(c.number() == null ? null : lit.number(c.number(), 1, 20, "Longhorn replicas"), at));
            } else if (a instanceof ScDataLocalityContext c) locality.set(reporter, at, lit.choice(c.name(), DATA_LOCALITIES, "data locality"));
            else if (a instanceof ScRecurringContext c) {
                Name task = lit.choice(c.name(), RECURRING_TASKS, "recurring job task");
                Located<String> cron = lit.nonEmpty(c.STRING(), "recurring job schedule");
                Located<Integer> retain = c.number() == null ? null : lit.number(c.number(), 1, 250, "recurring job retain");
                boolean twice = task != null && recurring.stream().anyMatch(r -> r.task().text().equals(task.text()));
                if (twice) {
                    reporter.error(Code.HL006, at, "`recurring " + task + "` given twice in " + t)
                            .hint("one " + task + " job per class: keep one schedule, or make a second class").emit();
                } else if (task != null && cron != null) recurring.add(new StorageClass.Recurring(task, cron, retain, at));
            } else if (a instanceof ScZfsContext c) {
                Name pool = lit.name(c.name());
                List<Name> hosts = c.nameList() == null ? List.of() : names(c.nameList());
                backend.set(reporter, at, pool == null ? null : new StorageClass.Zfs(pool, hosts, at));
            } else if (a instanceof ScDemocraticCsiContext c && c.name().size() >= 2) {
                Name kind = lit.choice(c.name(0), DEMOCRATIC_CSI_KINDS, "democratic-csi driver");
                Name export = c.name().size() == 3 ? lit.name(c.name(1)) : null;
                Name device = lit.name(c.name(c.name().size() - 1));
                backend.set(reporter, at, kind == null || device == null ? null : new StorageClass.DemocraticCsi(kind, export, device, at));
            } else if (a instanceof ScCephFsContext c) {
                Name filesystem = lit.name(c.name());
                backend.set(reporter, at, filesystem == null ? null : new StorageClass.CephFs(filesystem, at));
            } else if (a instanceof ScBucketContext c) {
                Name store = lit.name(c.name());
                backend.set(reporter, at, store == null ? null : new StorageClass.Bucket(store, at));
            }
        }
        if (!backend.given() && name != null && !syntaxErrorInside(ctx)) {
            reporter.error(Code.HL007, name.span(), t + " has no backend")
                    .hint("add one of `ceph <pool>`, `hostpath \"/var/mnt/local\"`, `nfs <export> on <nas>`, `static on <host>`, "
                            + "`longhorn`, `zfs <zpool>`, `democratic-csi nfs export <export> on <nas>`, `cephfs <filesystem>`, `bucket <object-store>`").emit();
        }
        return name == null ? null : new StorageClass(name, backend.get(), isDefault.get(), fs.get(), reclaim.get(),
                    expandable.given(), binding.get(), mountOptions, locality.get(), recurring, cluster.get());
    }
}
