package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL023: a network's gateway named by device or host ({@code gateway udm}) has an address on that network. A
 * node routes to its gateway on the link itself; the holder's address on another network is no route at all,
 * and without one the nodes of the network would get no default route. The emitters take the address on the
 * network from the same place ({@link ResolvedSpec#addressOn}).
 */
public final class GatewayCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL023);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Network n : ix.spec().networks()) {
            if (n.gateway() == null || n.gateway().ref() == null) continue;
            String holder = n.gateway().ref().text();
            Device d = ix.devices.get(holder);
            Host h = d == null ? ix.hosts.get(holder) : null;
            if (d == null && h == null) continue; // HL010, from ReferenceCheck
            if (ix.addressOn(n.gateway(), n.name().text()) != null) continue;
            Span declared = d != null ? d.name().span() : h.name().span();
            String kind = d != null ? "device" : "host";
            reporter.error(Code.HL023, n.gateway().ref().span(), "the gateway of network `" + n.name() + "` is "
                            + kind + " `" + holder + "`, which has no address on `" + n.name() + "`")
                    .label(declared, kind + " `" + holder + "` is declared here")
                    .hint(d != null ? "give `" + holder + "` an `address ... on " + n.name() + "`, or write the gateway's address"
                            : "give `" + holder + "` an interface on " + n.name() + " with an address, or write the gateway's address")
                    .emit();
        }
    }
}
