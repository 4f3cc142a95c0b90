package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cidr;
import hlc.model.Cluster;
import hlc.model.Network;

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
    public void run(SpecIndex ix, Reporter reporter) {
        List<Cidr> cidrs = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (Network n : ix.spec().networks()) {
            if (n.cidr() == null) continue;
            cidrs.add(n.cidr());
            owners.add("network `" + n.name() + "`");
        }
        Cluster c = ix.spec().cluster();
        if (c != null && c.pods() != null) {
            cidrs.add(c.pods());
            owners.add("the pod subnet of cluster `" + c.name() + "`");
        }
        if (c != null && c.services() != null) {
            cidrs.add(c.services());
            owners.add("the service subnet of cluster `" + c.name() + "`");
        }
        for (OverlapFinder.Overlap o : OverlapFinder.find(cidrs)) {
            Cidr outer = cidrs.get(o.earlier());
            Cidr inner = cidrs.get(o.later());
            String relation = outer.block().equals(inner.block()) ? "is the same range as" : "lies inside";
            reporter.error(Code.HL022, inner.span(),
                            owners.get(o.later()) + " (" + inner + ") " + relation + " " + owners.get(o.earlier())
                                    + " (" + outer + ")")
                    .label(outer.span(), owners.get(o.earlier()) + " is declared here")
                    .hint("give each network its own range; pod and service subnets must not overlap any LAN")
                    .emit();
        }
    }
}
