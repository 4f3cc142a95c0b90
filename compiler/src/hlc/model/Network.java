package hlc.model;

/**
 * An L2/L3 network: its prefix (and an IPv6 prefix beside it), gateway, DNS servers, VLAN, MTU, DHCP pool, and
 * what hands out its addresses when it is a pool ({@code pool loadbalancer}: Cilium LB IPAM, announced by BGP).
 * {@code ipv6Gateway} is the router of the IPv6 prefix ({@code ipv6 fd00:5::/64 via udm}): the nodes' IPv6
 * default route.
 */
public record Network(Name name, Cidr cidr, Target gateway, java.util.List<Target> dns, Located<Integer> vlan,
                      Located<Integer> mtu, DhcpRange dhcp, String description, Cidr ipv6, Name pool,
                      Target ipv6Gateway, java.util.List<PoolBlock> poolBlocks, Name announce) implements Named {
    public Network {
        poolBlocks = poolBlocks == null ? java.util.List.of() : java.util.List.copyOf(poolBlocks);
    }

    /**
     * A part of the network its pool hands out: {@code range FIRST to LAST}, or {@code block CIDR} (first and
     * last are then the block's ends and {@code cidr} is set).
     */
    public record PoolBlock(Ip first, Ip last, Cidr cidr, hlc.diag.Span span) {
        public boolean contains(Ip ip) {
            var v = ip.value();
            return v.getIPVersion() == first.value().getIPVersion()
                    && v.compareTo(first.value()) >= 0 && v.compareTo(last.value()) <= 0;
        }

        public boolean overlaps(PoolBlock o) {
            return first.value().getIPVersion() == o.first.value().getIPVersion()
                    && first.value().compareTo(o.last.value()) <= 0 && o.first.value().compareTo(last.value()) <= 0;
        }

        public String text() {
            return cidr != null ? cidr.text() : first.text() + " to " + last.text();
        }
    }

    /** A pool that is only some blocks of the network (so nodes may live beside it), not the whole network. */
    public boolean isPartialPool() {
        return isLoadBalancerPool() && !poolBlocks.isEmpty();
    }

    /**
     * The prefix of this network an address belongs to: {@code cidr}, or the {@code ipv6} prefix beside it on
     * the same link (dual stack); null when neither holds it.
     */
    public Cidr prefixOf(Ip ip) {
        if (cidr != null && cidr.contains(ip)) return cidr;
        if (ipv6 != null && ipv6.contains(ip)) return ipv6;
        return null;
    }

    /** The prefixes written for this network, IPv4 first: for messages ("10.0.0.0/24 and fd00:5::/64"). */
    public String prefixes() {
        if (ipv6 == null) return cidr == null ? "" : cidr.text();
        return cidr == null ? ipv6.text() : cidr.text() + " and " + ipv6.text();
    }

    /** Load-balancer addresses announced over ARP/NDP by a node (Cilium L2 announcements), as the spec says. */
    public boolean announcedL2() {
        return announce != null && announce.text().equals("l2");
    }

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
