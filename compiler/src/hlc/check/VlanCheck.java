package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL091: two networks never share a VLAN id: on a trunk they would be one broadcast domain, whatever their
 * CIDRs say. (The range of VLAN ids and MTUs, HL090 and HL092, is checked as each value is read.)
 */
public final class VlanCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL091);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Map<Integer, Network> seen = new HashMap<>();
        for (Network n : ix.spec().networks()) {
            if (n.vlan() == null) continue;
            Network first = seen.putIfAbsent(n.vlan().value(), n);
            if (first != null) {
                reporter.error(Code.HL091, n.vlan().span(), "VLAN " + n.vlan().value() + " of network `" + n.name()
                                + "` is already the VLAN of network `" + first.name() + "`")
                        .label(first.vlan().span(), "first used here")
                        .hint("each network needs its own VLAN id (1 to 4094)").emit();
            }
        }
    }
}
