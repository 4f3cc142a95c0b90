package hlc.model;

import java.util.List;

/** An L2/L3 network: its prefix, gateway, DNS servers, VLAN, MTU and DHCP pool. */
public record Network(Name name, Cidr cidr, Target gateway, List<Target> dns, Located<Integer> vlan,
                      Located<Integer> mtu, DhcpRange dhcp, String description) {

    /** A DHCP pool, first and last address inclusive. */
    public record DhcpRange(Ip first, Ip last) {
        public boolean contains(Ip ip) {
            var v = ip.value();
            return v.getIPVersion() == first.value().getIPVersion()
                    && v.compareTo(first.value()) >= 0 && v.compareTo(last.value()) <= 0;
        }
    }
}
