package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cidr;
import hlc.model.Network;
import hlc.resolve.ClusterSettings;
import hlc.resolve.Defaulted;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL022: no two networks overlap, the cluster's pod and service subnets included. An overlap means two places
 * claim the same addresses: routing picks one at random, and pods cannot reach the hosts behind the other.
 */
public final class CidrOverlapCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL022);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        List<Cidr> cidrs = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<Boolean> defaulted = new ArrayList<>();
        for (Network n : ix.spec().networks()) {
            if (n.cidr() == null) continue;
            cidrs.add(n.cidr());
            owners.add("network `" + n.name() + "`");
            defaulted.add(false);
        }
        for (Network n : ix.spec().networks()) {
            if (n.ipv6() == null) continue;
            cidrs.add(n.ipv6());
            owners.add("the IPv6 prefix of network `" + n.name() + "`");
            defaulted.add(false);
        }
        ClusterSettings c = ix.cluster();
        if (c != null) {
            // The subnets the Talos configs get, hlc's defaults included: a default overlaps a LAN as surely as a written one.
            add(c.podSubnet(), "the pod subnet of cluster `" + c.cluster().name() + "`", cidrs, owners, defaulted);
            add(c.serviceSubnet(), "the service subnet of cluster `" + c.cluster().name() + "`", cidrs, owners, defaulted);
            // A dual-stack cluster's IPv6 subnets are only ever written, and must miss every network's IPv6 prefix.
            if (c.podSubnetIpv6() != null) {
                add(Defaulted.written(c.podSubnetIpv6(), c.podSubnetIpv6().span()),
                        "the IPv6 pod subnet of cluster `" + c.cluster().name() + "`", cidrs, owners, defaulted);
            }
            if (c.serviceSubnetIpv6() != null) {
                add(Defaulted.written(c.serviceSubnetIpv6(), c.serviceSubnetIpv6().span()),
                        "the IPv6 service subnet of cluster `" + c.cluster().name() + "`", cidrs, owners, defaulted);
            }
        }
        for (OverlapFinder.Overlap o : OverlapFinder.find(cidrs)) {
            int outerAt = o.earlier();
            int innerAt = o.later();
            Cidr outer = cidrs.get(outerAt);
            Cidr inner = cidrs.get(innerAt);
            String relation = outer.block().equals(inner.block()) ? "is the same range as" : "lies inside";
            boolean innerDefault = defaulted.get(innerAt);
            boolean outerDefault = defaulted.get(outerAt);
            // Point at what the user wrote: a default has no place of its own in the spec.
            Cidr at = innerDefault && !outerDefault ? outer : inner;
            Cidr other = at == inner ? outer : inner;
            String message = at == inner
                    ? describe(owners.get(innerAt), inner, innerDefault) + " " + relation + " " + describe(owners.get(outerAt), outer, outerDefault)
                    : describe(owners.get(outerAt), outer, false) + " contains " + describe(owners.get(innerAt), inner, true);
            var d = reporter.error(Code.HL022, at.span(), message);
            int otherAt = at == inner ? outerAt : innerAt;
            if (defaulted.get(otherAt)) {
                String which = owners.get(otherAt).startsWith("the pod") ? "pods" : "services";
                d.note(owners.get(otherAt) + " is hlc's default " + other + ": the cluster does not set `" + which
                        + "`, so the Talos configs get this one");
                d.hint("set `" + which + "` in the cluster to a private range that no network uses");
            } else {
                d.label(other.span(), owners.get(otherAt) + " is declared here");
                d.hint("give each network its own range; pod and service subnets must not overlap any LAN");
            }
            d.emit();
        }
    }

    private static void add(Defaulted<Cidr> subnet, String owner, List<Cidr> cidrs, List<String> owners, List<Boolean> defaulted) {
        cidrs.add(subnet.value());
        owners.add(owner);
        defaulted.add(subnet.isDefault());
    }

    private static String describe(String owner, Cidr cidr, boolean isDefault) {
        return owner + " (" + cidr + (isDefault ? ", hlc's default" : "") + ")";
    }
}
