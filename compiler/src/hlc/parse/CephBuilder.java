package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `ceph` block and its pools. */
final class CephBuilder extends BlockBuilder {
    CephBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Ceph build(CephDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("ceph", name);
        Slot<Name> pub = new Slot<>("public-network", t);
        Slot<Name> cluster = new Slot<>("cluster-network", t);
        Slot<Name> kubernetes = new Slot<>("cluster", t);
        Slot<Located<String>> osdFilter = new Slot<>("osd-filter", t);
        List<Ceph.Pool> pools = new ArrayList<>();
        List<Ceph.Pool> filesystems = new ArrayList<>();
        List<Ceph.Pool> objectStores = new ArrayList<>();
        for (CephAttrContext a : ctx.cephAttr()) {
            Span at = lit.span(a);
            if (a instanceof CephPublicNetworkContext c) pub.set(reporter, at, lit.name(c.name()));
            else if (a instanceof CephClusterNetworkContext c) cluster.set(reporter, at, lit.name(c.name()));
            else if (a instanceof CephClusterContext c) kubernetes.set(reporter, at, lit.name(c.name()));
            else if (a instanceof CephOsdFilterContext c) osdFilter.set(reporter, at, osdFilter(c));
            else if (a instanceof CephPoolContext c) addIfPresent(pools, pool(c.name(), c.poolAttr(), "pool"));
            else if (a instanceof CephFsContext c) addIfPresent(filesystems, pool(c.name(), c.poolAttr(), "filesystem"));
            else if (a instanceof CephObjectStoreContext c) addIfPresent(objectStores, pool(c.name(), c.poolAttr(), "object-store"));
        }
        return name == null ? null : new Ceph(name, pub.get(), cluster.get(), pools, filesystems, objectStores, kubernetes.get(), osdFilter.get());
    }

    /**
     * A regex Rook (Go's regexp) can read: one Java cannot compile is refused here, not by the operator later
     * (kept, so that the hosts it covers are still counted and no follow-on finding says there are none).
     */
    private Located<String> osdFilter(CephOsdFilterContext c) {
        Located<String> f = lit.nonEmpty(c.STRING(), "OSD device filter");
        if (f == null || f.value().isBlank()) return f;
        try {
            java.util.regex.Pattern.compile(f.value());
        } catch (java.util.regex.PatternSyntaxException e) {
            reporter.error(Code.HL004, f.span(), "OSD device filter `" + f.value() + "` is not a regular expression: " + e.getDescription())
                    .hint("Rook matches it as a regex, e.g. `\"/dev/disk/by-id/nvme-Samsung_.*\"` for paths or `\"^nvme\"` for device names").emit();
        }
        return f;
    }

    private Ceph.Pool pool(NameContext nameCtx, List<PoolAttrContext> attrs, String kind) {
        Name name = lit.name(nameCtx);
        if (name == null) return null;
        String t = title(kind, name);
        Slot<Located<Integer>> replicas = new Slot<>("replicas", t);
        Slot<Located<Integer>> minSize = new Slot<>("min-size", t);
        Slot<Name> domain = new Slot<>("failure-domain", t);
        Slot<Name[]> compression = new Slot<>("compression", t);
        for (PoolAttrContext a : attrs) {
            Span at = lit.span(a);
            if (a instanceof PoolReplicasContext c) replicas.set(reporter, at, lit.number(c.number(), 1, 100, "replicas"));
            else if (a instanceof PoolMinSizeContext c) minSize.set(reporter, at, lit.number(c.number(), 1, 100, "min size"));
            else if (a instanceof PoolFailureDomainContext c) {
                // An unknown domain is reported and kept as written: defaulting it to `host` would add a
                // replica finding about a domain the user never chose.
                Name d = lit.name(c.name());
                lit.choice(d, FAILURE_DOMAINS, "failure domain");
                domain.set(reporter, at, d);
            }
            else if (a instanceof PoolCompressionContext c && c.name().size() == 2) {
                compression.set(reporter, at, new Name[]{
                        lit.choice(c.name(0), COMPRESSION_MODES, "compression mode"),
                        lit.choice(c.name(1), COMPRESSION_ALGORITHMS, "compression algorithm")});
            }
        }
        Name[] comp = compression.get() == null ? new Name[2] : compression.get();
        return new Ceph.Pool(name, replicas.get(), minSize.get(), domain.get(), comp[0], comp[1]);
    }
}
