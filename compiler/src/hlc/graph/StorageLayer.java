package hlc.graph;

import hlc.graph.Graph.Shape;
import hlc.graph.Graph.Style;
import hlc.model.Ceph;
import hlc.model.Host;
import hlc.model.Spec;
import hlc.model.StorageClass;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Ceph and the storage classes. Each Ceph cluster is a group with the cluster and its pools; the hosts with OSDs
 * link to it (the edge names the disks), and it links to its public and cluster networks. Storage classes sit in
 * the Kubernetes group and link to what provides them: a pool, a NAS export, or a host path.
 */
final class StorageLayer {
    private final GraphBuilder g;
    private final Spec spec;
    private final String kubernetes;

    StorageLayer(GraphBuilder g, Spec spec, String kubernetesGroup) {
        this.g = g;
        this.spec = spec;
        this.kubernetes = kubernetesGroup;
    }

    void addCeph() {
        for (Ceph c : ByName.sorted(spec.cephs(), Ceph::name)) ceph(c);
    }

    void addStorageClasses() {
        for (StorageClass sc : ByName.sorted(spec.storageClasses(), StorageClass::name)) storageClass(sc);
    }

    private void ceph(Ceph c) {
        String name = c.name().text();
        String group = g.group(Kind.CEPH_GROUP, name, "Rook-Ceph " + name);
        List<Host> withOsds = ByName.sorted(spec.hosts(), Host::name).stream().filter(h -> !h.osds().isEmpty()).toList();
        long osds = withOsds.stream().mapToLong(h -> h.osds().size()).sum();
        String id = g.node(Kind.CEPH, name, Shape.CYLINDER, group,
                List.of(name, osds + " OSD" + (osds == 1 ? "" : "s") + " on " + withOsds.size() + " host" + (withOsds.size() == 1 ? "" : "s")));
        for (Host h : withOsds) {
            String disks = h.osds().stream()
                    .map(o -> Labels.joinWith(" ", "OSD " + Labels.basename(o.selector().value()), o.size() == null ? null : o.size().text()))
                    .collect(Collectors.joining(", "));
            g.edge(g.id(Kind.HOST, h.name().text()), id, disks, Style.SOLID);
        }
        networks(c, id);
        for (Ceph.Pool p : ByName.sorted(c.pools(), Ceph.Pool::name)) {
            String compression = p.compressionMode() == null ? null
                    : Labels.joinWith(" ", "compression", p.compressionMode().text(), Labels.text(p.compressionAlgorithm()));
            String pool = g.node(Kind.POOL, p.name().text(), Shape.CYLINDER, group, List.of(p.name().text(),
                    Labels.join(p.effectiveReplicas() + " replicas", "min " + p.effectiveMinSize(),
                            "per " + p.effectiveFailureDomain()), compression == null ? "" : compression));
            g.edge(id, pool, "", Style.SOLID);
        }
    }

    /** Ceph talks to clients on the public network and replicates on the cluster network (one edge when they are one). */
    private void networks(Ceph c, String id) {
        String pub = Labels.text(c.publicNetwork());
        String cluster = Labels.text(c.clusterNetwork());
        if (pub != null && pub.equals(cluster)) {
            link(id, pub, "public + cluster network");
            return;
        }
        if (pub != null) link(id, pub, "public network");
        if (cluster != null) link(id, cluster, "cluster network");
    }

    private void link(String ceph, String network, String label) {
        String id = g.id(Kind.NETWORK, network);
        if (g.has(id)) g.edge(ceph, id, label, Style.DOTTED);
    }

    private void storageClass(StorageClass sc) {
        String flags = Labels.join(sc.isDefault() ? "default" : null, Labels.text(sc.filesystem()),
                sc.reclaim() == null ? null : "reclaim " + sc.reclaim().text(), sc.expandable() ? "expandable" : null);
        String id = g.node(Kind.STORAGE_CLASS, sc.name().text(), Shape.PARALLELOGRAM, kubernetes, List.of(sc.name().text(), flags));
        if (sc.backend() instanceof StorageClass.CephPool p) {
            g.edge(id, g.id(Kind.POOL, p.pool().text()), "Ceph RBD", Style.SOLID);
        } else if (sc.backend() instanceof StorageClass.Nfs nfs) {
            g.edge(id, g.id(Kind.EXPORT, Kind.exportName(nfs.device().text(), nfs.export().text())), "NFS", Style.SOLID);
        } else if (sc.backend() instanceof StorageClass.Hostpath hp) {
            String path = hp.path().value();
            String node = g.node(Kind.HOSTPATH, path, Shape.FOLDER, kubernetes, List.of(path, "on each node"));
            g.edge(id, node, "hostpath", Style.SOLID);
        } else if (sc.backend() instanceof StorageClass.Static st) {
            String host = g.id(Kind.HOST, st.host().text());
            if (g.has(host)) g.edge(id, host, "static PVs", Style.SOLID);
        }
    }
}
