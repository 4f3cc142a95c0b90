package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cidr;
import hlc.model.Cluster;
import hlc.model.Name;
import hlc.resolve.ClusterSettings;
import hlc.resolve.PlacedAddress;
import hlc.resolve.Defaulted;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cluster against another, in a spec with several (each cluster's own checks run on its view and cannot see
 * the others).
 *
 * <ul>
 *   <li>HL063: an address two clusters both use, IPv4 or IPv6: a node's, a VIP, a load balancer, a Multus
 *   address. The clusters share the networks, so on the wire it is one address claimed twice (the devices and
 *   gateways they share are the same address, not two uses, and are left out).</li>
 *   <li>HL064: a pod or service subnet of one cluster that overlaps one of another's, hlc's defaults included,
 *   unless either side says so with {@code shared-with}: the ranges are routed inside each cluster, so reuse can
 *   be deliberate, but a pod of one cluster then cannot reach the other's pods or services by address.</li>
 * </ul>
 */
final class CrossClusterCheck implements Check {
    /** The uses of an address that belong to one cluster; gateways and devices are the clusters' shared ones. */
    private static final Set<PlacedAddress.Use> OWN = EnumSet.of(PlacedAddress.Use.INTERFACE,
            PlacedAddress.Use.DHCP_RESERVATION, PlacedAddress.Use.VIP, PlacedAddress.Use.LOAD_BALANCER,
            PlacedAddress.Use.MULTUS);

    @Override
    public List<Code> codes() {
        return List.of(Code.HL063, Code.HL064);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        if (!ix.severalClusters()) return;
        addresses(ix, reporter);
        subnets(ix, reporter);
    }

    private record Owned(PlacedAddress address, String cluster) {}

    private static void addresses(ResolvedSpec ix, Reporter reporter) {
        List<Owned> all = new ArrayList<>();
        for (ResolvedSpec view : ix.perCluster()) {
            String c = view.spec().cluster().name().text();
            for (PlacedAddress a : view.placedAddresses()) if (OWN.contains(a.use())) all.add(new Owned(a, c));
        }
        var order = ix.sourceOrder(); // a lambda of hlc's, not Comparator.comparing's (see ResolvedSpec.sourceOrder)
        all.sort((a, b) -> order.compare(a.address().ip().span(), b.address().ip().span()));
        Map<String, Owned> first = new HashMap<>();
        for (Owned o : all) {
            Owned earlier = first.putIfAbsent(o.address().ip().text(), o);
            if (earlier == null || earlier.cluster().equals(o.cluster())) continue; // within one cluster: HL026
            reporter.error(Code.HL063, o.address().ip().span(), "address " + o.address().ip() + " of " + ofCluster(o)
                            + " is already used by " + ofCluster(earlier))
                    .label(earlier.address().ip().span(), "used by cluster `" + earlier.cluster() + "` here")
                    .hint("the clusters share the network: give each node, VIP and load balancer its own address")
                    .emit();
        }
    }

    /** "interface `eth0` of host `k8s-1` of cluster `main`"; a VIP's phrase already names its cluster. */
    private static String ofCluster(Owned o) {
        String owner = o.address().owner();
        return owner.contains("cluster `" + o.cluster() + "`") ? owner : owner + " of cluster `" + o.cluster() + "`";
    }

    /** A pod or service subnet of a cluster, and the clusters it may overlap. */
    private record Subnet(Cluster cluster, String what, Cidr cidr, boolean byDefault, List<Name> sharedWith) {
        boolean shares(Cluster other) {
            return sharedWith.stream().anyMatch(n -> n.text().equals(other.name().text()));
        }
    }

    private static void subnets(ResolvedSpec ix, Reporter reporter) {
        List<Subnet> all = new ArrayList<>();
        for (ResolvedSpec view : ix.perCluster()) {
            ClusterSettings s = view.cluster();
            Cluster c = s.cluster();
            add(all, c, "pod subnet", s.podSubnet(), c.podsSharedWith());
            add(all, c, "service subnet", s.serviceSubnet(), c.servicesSharedWith());
            if (s.podSubnetIpv6() != null) add(all, c, "IPv6 pod subnet", Defaulted.written(s.podSubnetIpv6(), s.podSubnetIpv6().span()), c.podsSharedWith());
            if (s.serviceSubnetIpv6() != null) add(all, c, "IPv6 service subnet", Defaulted.written(s.serviceSubnetIpv6(), s.serviceSubnetIpv6().span()), c.servicesSharedWith());
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Subnet a = all.get(i), b = all.get(j);
                if (a.cluster() == b.cluster() || !overlap(a.cidr(), b.cidr())) continue;
                if (a.shares(b.cluster()) || b.shares(a.cluster())) continue;
                var d = reporter.error(Code.HL064, b.cidr().span(), "the " + b.what() + " " + b.cidr() + " of cluster `"
                                + b.cluster().name() + "` overlaps the " + a.what() + " " + a.cidr() + " of cluster `"
                                + a.cluster().name() + "`")
                        .label(a.cidr().span(), "cluster `" + a.cluster().name() + "`'s " + a.what());
                if (a.byDefault() || b.byDefault()) {
                    d.note((b.byDefault() ? "cluster `" + b.cluster().name() + "`" : "cluster `" + a.cluster().name() + "`")
                            + " does not set its " + (b.byDefault() ? b.what() : a.what()) + ": that is hlc's default");
                }
                String keyword = b.what().contains("pod") ? "pods" : "services";
                d.hint("give each cluster its own range, or say the reuse is meant: `" + keyword + " " + b.cidr()
                        + " shared-with [" + a.cluster().name() + "]`").emit();
            }
        }
    }

    private static void add(List<Subnet> all, Cluster c, String what, Defaulted<Cidr> cidr, List<Name> sharedWith) {
        all.add(new Subnet(c, what, cidr.value(), cidr.isDefault(), sharedWith));
    }

    private static boolean overlap(Cidr a, Cidr b) {
        return a.isIpv4() == b.isIpv4() && (a.block().contains(b.block()) || b.block().contains(a.block()));
    }
}
