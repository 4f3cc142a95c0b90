package hlc.model;

import hlc.diag.Span;

import java.util.List;

/**
 * A Kubernetes storage class and the backend that provides it. {@code cluster} limits it to one cluster of a
 * spec with several; null means every cluster whose backend it can use (hostpath and NFS: all of them).
 */
public record StorageClass(Name name, Backend backend, Span defaultFlag, Name filesystem, Name reclaim,
                           boolean expandable, Name binding, List<Located<String>> mountOptions, Name cluster) {
    public StorageClass {
        mountOptions = List.copyOf(mountOptions);
    }

    public boolean isDefault() {
        return defaultFlag != null;
    }

    /** What provides the volumes. */
    public sealed interface Backend permits CephPool, Hostpath, Nfs, Static {
        Span span();
    }

    public record CephPool(Name pool, Span span) implements Backend {}

    public record Hostpath(Located<String> path, Span span) implements Backend {}

    public record Nfs(Name export, Name device, Span span) implements Backend {}

    /** No provisioner: persistent volumes made by hand on one node (a local disk), of a known size. */
    public record Static(Name host, Size size, Span span) implements Backend {}
}
