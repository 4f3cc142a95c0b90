package hlc.emit.cilium;

import hlc.model.Cidr;
import hlc.model.Ip;
import hlc.model.Network;
import hlc.resolve.AddressesInUse;
import hlc.resolve.ResolvedSpec;
import inet.ipaddr.IPAddress;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The addresses of a prefix a load-balancer pool may hand out when the pool is the node subnet itself: all but
 * the network and broadcast (or IPv6 subnet-router) addresses, the DHCP range and every address a host, device,
 * VIP, gateway or Multus pod holds there, as start–stop ranges. Cilium's LB IPAM knows nothing of the nodes, so
 * a pool of the whole subnet would give a Service a node's address.
 */
final class FreeRanges {
    private FreeRanges() {}

    static List<CiliumFacts.Block> of(ResolvedSpec ix, Network n, Cidr prefix) {
        IPAddress block = prefix.block();
        BigInteger first = block.getLower().getValue().add(BigInteger.ONE);
        BigInteger last = block.getUpper().getValue().subtract(block.isIPv4() ? BigInteger.ONE : BigInteger.ZERO);
        TreeSet<BigInteger[]> taken = new TreeSet<>((a, b) -> a[0].compareTo(b[0]));
        for (AddressesInUse.Holder h : AddressesInUse.on(ix, n)) {
            if (prefix.contains(h.address())) {
                BigInteger v = h.address().value().getValue();
                taken.add(new BigInteger[]{v, v});
            }
        }
        Network.DhcpRange dhcp = n.dhcp();
        if (dhcp != null && prefix.contains(dhcp.first())) {
            taken.add(new BigInteger[]{dhcp.first().value().getValue(), dhcp.last().value().getValue()});
        }
        List<CiliumFacts.Block> out = new ArrayList<>();
        BigInteger next = first;
        for (BigInteger[] t : taken) {
            if (t[0].compareTo(next) > 0) out.add(range(block, next, t[0].subtract(BigInteger.ONE)));
            if (t[1].add(BigInteger.ONE).compareTo(next) > 0) next = t[1].add(BigInteger.ONE);
        }
        if (next.compareTo(last) <= 0) out.add(range(block, next, last));
        return out;
    }

    private static CiliumFacts.Block range(IPAddress in, BigInteger from, BigInteger to) {
        return new CiliumFacts.Block(null, text(in, from), text(in, to));
    }

    private static String text(IPAddress in, BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] bytes = new byte[in.getByteCount()];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        IPAddress a = in.isIPv4() ? new inet.ipaddr.ipv4.IPv4Address(bytes) : new inet.ipaddr.ipv6.IPv6Address(bytes);
        return a.toCanonicalString();
    }
}
