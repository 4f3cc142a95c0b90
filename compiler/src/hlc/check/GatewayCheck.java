package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Network;
import hlc.model.Target;
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
            if (n.gateway() != null && n.gateway().ref() != null && ix.gatewayOf(n) == null) {
                report(ix, reporter, n, n.gateway(), "the gateway", "on `" + n.name() + "`", "address ... on " + n.name());
            }
            // The IPv6 router: the holder's address on the network inside the `ipv6` prefix (its IPv4 one is no IPv6 route).
            if (n.ipv6Gateway() != null && n.ipv6Gateway().ref() != null && n.ipv6() != null && ix.ipv6GatewayOf(n) == null) {
                report(ix, reporter, n, n.ipv6Gateway(), "the IPv6 gateway", "in `" + n.name() + "`'s IPv6 prefix " + n.ipv6(),
                        "address <an address in " + n.ipv6() + "> on " + n.name());
            }
        }
    }

    private static void report(ResolvedSpec ix, Reporter reporter, Network n, Target gateway, String what, String where,
                               String wanted) {
        String holder = gateway.ref().text();
        Device d = ix.devices().get(holder);
        Host h = d == null ? ix.hosts().get(holder) : null;
        if (d == null && h == null) return; // HL010, from ReferenceCheck
        Span declared = d != null ? d.name().span() : h.name().span();
        String kind = d != null ? "device" : "host";
        reporter.error(Code.HL023, gateway.ref().span(), what + " of network `" + n.name() + "` is "
                        + kind + " `" + holder + "`, which has no address " + where)
                .label(declared, kind + " `" + holder + "` is declared here")
                .hint(d != null ? "give `" + holder + "` an `" + wanted + "`, or write the gateway's address"
                        : "give `" + holder + "` an interface on " + n.name() + " with such an address, or write the gateway's address")
                .emit();
    }
}
