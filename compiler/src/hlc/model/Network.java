package hlc.model;

/**
 * An L2/L3 network: its prefix (and an IPv6 prefix beside it), gateway, DNS servers, VLAN, MTU, DHCP pool, and
 * what hands out its addresses when it is a pool ({@code pool loadbalancer}: Cilium LB IPAM, announced by BGP).
 */
public record Network(Name name, Cidr cidr, Target gateway, java.util.List<Target> dns, Located<Integer> vlan,
                      Located<Integer> mtu, DhcpRange dhcp, String description, Cidr ipv6, Name pool) {

    public boolean isLoadBalancerPool() {
        return pool != null && pool.text().equals("loadbalancer");
    }

    /** A DHCP pool, first and last address inclusive. */
    public record DhcpRange(Ip first, Ip last) {
        public boolean contains(Ip ip) {
            var v = ip.value();
            return v.getIPVersion() == first.value().getIPVersion()
                    && v.compareTo(first.value()) >= 0 && v.compareTo(last.value()) <= 0;
        }
    }
}
