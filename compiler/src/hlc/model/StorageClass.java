package hlc.model;

import hlc.diag.Span;

import java.util.List;

/**
 * A Kubernetes storage class and the backend that provides it. {@code cluster} limits it to one cluster of a
 * spec with several; null means every cluster whose backend it can use (hostpath and NFS: all of them).
 */
public record StorageClass(Name name, Backend backend, Span defaultFlag, Name filesystem, Name reclaim,
                           boolean expandable, Name binding, List<Located<String>> mountOptions,
                           Name dataLocality, List<Recurring> recurring, Name cluster) implements Named {
    public StorageClass {
        mountOptions = List.copyOf(mountOptions);
        recurring = recurring == null ? List.of() : List.copyOf(recurring);
    }

    /** A Longhorn RecurringJob on the class's volumes: {@code snapshot} or {@code backup}, its cron, how many it keeps. */
    public record Recurring(Name task, Located<String> cron, Located<Integer> retain, Span span) {}

    public boolean isDefault() {
        return defaultFlag != null;
    }

    /** What provides the volumes. */
    public sealed interface Backend permits CephPool, Hostpath, Nfs, Static, Longhorn, Zfs, DemocraticCsi, CephFs, Bucket {
        Span span();
    }

    /** Longhorn volumes with this many replicas (null: Longhorn's default, 3). */
    public record Longhorn(Located<Integer> replicas, Span span) implements Backend {
        public int effectiveReplicas() {
            return replicas == null ? 3 : replicas.value();
        }
    }

    /** OpenEBS ZFS LocalPV: datasets (or zvols) in the zpool {@code pool}, on the hosts listed (empty: any node). */
    public record Zfs(Name pool, List<Name> hosts, Span span) implements Backend {
        public Zfs {
            hosts = List.copyOf(hosts);
        }
    }

    /** democratic-csi: {@code kind} is {@code nfs} (with the NAS export it provisions under) or {@code iscsi}. */
    public record DemocraticCsi(Name kind, Name export, Name device, Span span) implements Backend {
        public boolean isNfs() {
            return kind != null && kind.text().equals("nfs");
        }
    }

    /** Rook CephFS volumes in a {@code filesystem} of a ceph block. */
    public record CephFs(Name filesystem, Span span) implements Backend {}

    /** Rook ObjectBucketClaims in an {@code object-store} of a ceph block. */
    public record Bucket(Name store, Span span) implements Backend {}

    public record CephPool(Name pool, Span span) implements Backend {}

    public record Hostpath(Located<String> path, Span span) implements Backend {}

    public record Nfs(Name export, Name device, Span span) implements Backend {}

    /** No provisioner: persistent volumes made by hand on one node (a local disk), of a known size. */
    public record Static(Name host, Size size, Span span) implements Backend {}
}
