package hlc.model;

import hlc.diag.Span;

/** A Kubernetes storage class and the backend that provides it. */
public record StorageClass(Name name, Backend backend, Span defaultFlag, Name filesystem, Name reclaim,
                           boolean expandable) {

    public boolean isDefault() {
        return defaultFlag != null;
    }

    /** What provides the volumes. */
    public sealed interface Backend permits CephPool, Hostpath, Nfs {
        Span span();
    }

    public record CephPool(Name pool, Span span) implements Backend {}

    public record Hostpath(Located<String> path, Span span) implements Backend {}

    public record Nfs(Name export, Name device, Span span) implements Backend {}
}
