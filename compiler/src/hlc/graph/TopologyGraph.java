package hlc.graph;

import hlc.model.Cluster;
import hlc.model.Site;
import hlc.model.Spec;

/**
 * The lab as one diagram: networks with their hosts and devices, Ceph and its pools, storage classes and their
 * backends, external services, and the backup flows. Built from a spec that checked clean, so every reference
 * resolves; one that does not is left out rather than drawn to nowhere.
 */
public final class TopologyGraph {
    private TopologyGraph() {}

    public static Graph of(Spec spec) {
        GraphBuilder g = new GraphBuilder("topology", Graph.Direction.LR);
        // Groups are drawn in the order they are made: networks, then Ceph, then the cluster, then the cloud.
        new NetworkLayer(g, spec).add();
        String kubernetes = g.id(Kind.KUBERNETES_GROUP, "");
        StorageLayer storage = new StorageLayer(g, spec, kubernetes);
        storage.addCeph();
        g.group(Kind.KUBERNETES_GROUP, "", spec.clusters().size() > 1
                ? String.join(" · ", spec.clusters().stream().map(TopologyGraph::kubernetesLabel).toList())
                : kubernetesLabel(spec.cluster()));
        storage.addStorageClasses();
        new CloudLayer(g, spec, kubernetes).add();
        site(g, spec.site());
        return g.build();
    }

    /** A box for the whole lab, outside every group, when the site says what the lab is (its `description`). */
    private static void site(GraphBuilder g, Site site) {
        if (site == null || Labels.description(site.description()) == null) return;
        g.node(Kind.SITE, site.name().text(), Graph.Shape.BOX, null, java.util.List.of(
                Labels.join("site " + site.name().text(), site.domain() == null ? null : site.domain().text()),
                Labels.description(site.description())));
    }

    private static String kubernetesLabel(Cluster c) {
        if (c == null) return "Kubernetes";
        return Labels.join("cluster " + c.name(), c.talos() == null ? null : "Talos " + c.talos().text(),
                c.kubernetes() == null ? null : "Kubernetes " + c.kubernetes().text());
    }
}
