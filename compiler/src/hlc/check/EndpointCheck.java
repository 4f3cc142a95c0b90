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
 * endpoint whose control planes have no static address has no endpoint at all: that is HL033 too, and so is an
 * endpoint address ({@code endpoint 192.168.5.11}) that is no control plane's, load balancer's or device's.
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
        if (c.endpointAddress() != null) {
            endpointAddress(c, ix, reporter);
            return;
        }
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
     * An endpoint given as an address is where the API answers: a control plane's own address (a single-node
     * cluster, as Talos's own guide sets one up), or a load balancer or device in front of the API. Any other
     * address answers nothing, and no node could join.
     */
    private static void endpointAddress(Cluster c, ResolvedSpec ix, Reporter reporter) {
        String wanted = c.endpointAddress().text();
        for (var h : ix.spec().hosts()) {
            if (!h.isControlPlane()) continue;
            for (var i : h.interfaces()) {
                if ((i.address() != null && i.address().text().equals(wanted)) || (i.ipv6() != null && i.ipv6().text().equals(wanted))) return;
            }
        }
        for (Cluster.LoadBalancer lb : c.loadBalancers()) if (lb.address().text().equals(wanted)) return;
        for (Device d : ix.spec().devices()) {
            for (Device.Address a : d.addresses()) if (a.address().text().equals(wanted)) return;
        }
        reporter.error(Code.HL033, c.endpointAddress().span(), "API endpoint " + wanted
                        + " is the address of no control plane, load balancer or device: nothing answers there")
                .hint("write a control plane's own address (a single-node cluster), or use `vip ADDRESS on NETWORK`")
                .emit();
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
