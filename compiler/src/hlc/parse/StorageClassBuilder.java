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
        Slot<StorageClass.Backend> backend = new Slot<>("backend (ceph, hostpath, nfs or static)", t);
        Slot<Span> isDefault = new Slot<>("default", t);
        Slot<Name> fs = new Slot<>("filesystem", t);
        Slot<Name> reclaim = new Slot<>("reclaim", t);
        Slot<Boolean> expandable = new Slot<>("expandable", t);
        Slot<Name> binding = new Slot<>("binding", t);
        List<Located<String>> mountOptions = new ArrayList<>();
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
            else if (a instanceof ScMountOptionContext c) addIfPresent(mountOptions, lit.nonEmpty(c.STRING(), "mount option"));
        }
        if (!backend.given() && name != null && !syntaxErrorInside(ctx)) {
            reporter.error(Code.HL007, name.span(), t + " has no backend")
                    .hint("add one of `ceph <pool>`, `hostpath \"/var/mnt/local\"`, `nfs <export> on <nas>`, `static on <host>`").emit();
        }
        return name == null ? null : new StorageClass(name, backend.get(), isDefault.get(), fs.get(), reclaim.get(),
                    expandable.given(), binding.get(), mountOptions);
    }
}
