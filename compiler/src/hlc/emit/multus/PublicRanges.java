package hlc.emit.multus;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 address space outside the private ranges (RFC 1918) as prefix blocks: the routes a pod sends through a
 * Multus gateway (a VPN egress) while its cluster, LAN and pod traffic keeps the pod's own default route.
 */
final class PublicRanges {
    private static final List<String> PRIVATE = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");

    private PublicRanges() {}

    static List<String> ipv4() {
        List<IPAddress> rest = List.of(new IPAddressString("0.0.0.0/0").getAddress());
        for (String p : PRIVATE) {
            IPAddress cut = new IPAddressString(p).getAddress();
            List<IPAddress> next = new ArrayList<>();
            for (IPAddress r : rest) {
                IPAddress[] left = r.subtract(cut);
                if (left != null) next.addAll(List.of(left));
            }
            rest = next;
        }
        List<IPAddress> blocks = new ArrayList<>();
        for (IPAddress r : rest) blocks.addAll(List.of(r.spanWithPrefixBlocks()));
        blocks.sort(java.util.Comparator.comparing(IPAddress::getValue));
        return blocks.stream().map(IPAddress::toCanonicalString).toList();
    }
}
