package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Name;
import hlc.resolve.ApiEndpoint;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL033: a cluster whose API endpoint is a DNS name ({@code endpoint k8s.internal}) says which address that name
 * is: the {@code dns} name of a load balancer (the API as a LoadBalancer Service) or of a device with an
 * address. Talos writes the name into every node's config and kubeconfig; if no record exists, no node can join
 * and kubectl cannot connect, and nothing in the cluster would say why. A cluster with neither VIP nor
 * endpoint whose control planes have no static address has no endpoint at all: that is HL033 too.
 */
public final class EndpointCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL033);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null) return;
        if (c.endpoint() == null) {
            missingEndpoint(c, ix, reporter);
            return;
        }
        String wanted = c.endpoint().dnsKey();
        List<String> known = new ArrayList<>();
        for (Cluster.LoadBalancer lb : c.loadBalancers()) {
            for (Name n : lb.dnsNames()) {
                if (n.dnsKey().equals(wanted)) return;
                known.add(n.text());
            }
        }
        for (Device d : ix.spec().devices()) {
            for (Name n : d.dnsNames()) {
                if (n.dnsKey().equals(wanted)) {
                    if (!d.addresses().isEmpty()) return;
                    reporter.error(Code.HL033, c.endpoint().span(), "API endpoint `" + c.endpoint()
                                    + "` is a name of device `" + d.name() + "`, which has no address")
                            .label(n.span(), "the name is declared here")
                            .hint("give the device an `address ... on NETWORK`, or point the name at the load balancer of the API")
                            .emit();
                    return;
                }
                known.add(n.text());
            }
        }
        var d = reporter.error(Code.HL033, c.endpoint().span(), "API endpoint `" + c.endpoint()
                + "` resolves to no address the spec knows");
        boolean close = d.suggestClosest(c.endpoint().span(), c.endpoint().text(), known);
        d.hint((close ? "or " : "")
                + "add `dns " + c.endpoint() + "` to the load balancer of the API, e.g. `loadbalancer kube-api "
                + "192.168.42.50 on lb dns " + c.endpoint() + "`").emit();
    }


    /**
     * Without a VIP or an endpoint name, the nodes reach the API at the first control plane's address; a
     * cluster whose control planes have none (DHCP only) has no address to write, and a made-up one
     * (127.0.0.1) would be a cluster no node can join. No control plane at all is HL060.
     */
    private static void missingEndpoint(Cluster c, ResolvedSpec ix, Reporter reporter) {
        if (c.vip() != null || ix.cluster().apiEndpoint().source() != ApiEndpoint.Source.NONE) return;
        if (c.talos() == null || c.kubernetes() == null) return; // no machine configs to write the endpoint into
        List<String> controlPlanes = ix.spec().hosts().stream().filter(h -> h.isControlPlane()).map(h -> h.name().text()).toList();
        if (controlPlanes.isEmpty()) return;
        reporter.error(Code.HL033, c.name().span(), "cluster `" + c.name() + "` has no API endpoint: no `vip`, no `endpoint`, "
                        + "and no control plane with a static address (" + String.join(", ", controlPlanes) + ")")
                .hint("add `vip ADDRESS on NETWORK`, or `endpoint NAME` with a load balancer or device of that name, "
                        + "or give a control plane an `address` on its interface")
                .emit();
    }
}
