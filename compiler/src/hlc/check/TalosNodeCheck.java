package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Network;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Talos node settings that relate two declarations, each found at the spec's place:
 * <ul>
 *   <li>HL023: a static route's gateway that is on none of its interface's networks: Talos installs the route,
 *       and the kernel cannot reach the gateway (a route's gateway must be on the link);</li>
 *   <li>HL004: a route whose destination and gateway are of different IP families; a MAC, {@code physical} or
 *       bus path on a bond or a VLAN, which are no physical links (they select nothing);</li>
 *   <li>HL026: one MAC address selecting two links of one host (Talos's selector must match exactly one);</li>
 *   <li>HL007: an NTP server named by a device or host that has no address to give the nodes;</li>
 *   <li>HL004: an arm64 host with an extension or GPU driver the Image Factory builds for amd64 only.</li>
 * </ul>
 */
public final class TalosNodeCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL023, Code.HL004, Code.HL026, Code.HL007);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster cluster = ix.spec().cluster();
        for (Host h : ix.spec().hosts()) {
            if (h.isArm64()) amd64Only(h, cluster, reporter);
            Map<String, Host.Interface> macs = new HashMap<>();
            for (Host.Interface i : h.interfaces()) {
                routes(h, i, ix, reporter);
                Host.LinkMatch m = i.match();
                if (m.any() && (i.bond() != null || i.vlan() != null)) {
                    var at = m.firstSpan();
                    reporter.error(Code.HL004, at, "interface `" + i.name() + "` of host `" + h.name() + "` is a "
                                    + (i.bond() != null ? "bond" : "VLAN") + ", not a physical link: a MAC, `physical` or bus path selects nothing")
                            .hint("select its member or parent link instead: `interface net0 mac 00:1a:2b:3c:4d:5e`").emit();
                }
                if (m.mac() != null) {
                    Host.Interface first = macs.putIfAbsent(m.mac().value(), i);
                    if (first != null) {
                        reporter.error(Code.HL026, m.mac().span(), "MAC address " + m.mac().value() + " selects two links of host `"
                                        + h.name() + "`: `" + first.name() + "` and `" + i.name() + "`")
                                .label(first.match().mac().span(), "first used here")
                                .hint("each link has its own MAC address: check the one printed by `talosctl get links`").emit();
                    }
                }
            }
        }
        Cluster c = ix.spec().cluster();
        if (c == null) return;
        for (Cluster.TimeServer t : c.timeServers()) {
            if (t.target() == null || t.target().ref() == null) continue;
            String name = t.target().ref().text();
            Device d = ix.devices().get(name);
            Host holder = ix.hosts().get(name);
            boolean noAddress = d != null ? d.addresses().isEmpty() : holder != null && ix.primaryAddress(holder) == null;
            if (noAddress) {
                reporter.error(Code.HL007, t.span(), "NTP server `" + name + "` has no address for the nodes to ask")
                        .hint("give `" + name + "` an `address ... on ...`, or write the NTP server's address").emit();
            }
        }
    }

    /** Extensions the Image Factory builds for amd64 only: an arm64 node's image cannot have them. */
    private static final java.util.Set<String> AMD64_ONLY = java.util.Set.of("siderolabs/intel-ucode", "siderolabs/amd-ucode",
            "siderolabs/i915", "siderolabs/mei", "siderolabs/xe");

    private static void amd64Only(Host h, Cluster c, Reporter reporter) {
        if (h.gpu() != null && List.of("i915", "xe", "amdgpu").contains(h.gpu().driver().text())) {
            reporter.error(Code.HL004, h.gpu().driver().span(), "host `" + h.name() + "` is arm64, and the " + h.gpu().driver()
                            + " GPU driver is built for amd64 only").label(h.arch().span(), "arm64 here")
                    .hint("drop the `gpu` line, or the host's `arch arm64` if it is an x86 machine").emit();
        }
        List<hlc.model.Located<String>> written = new java.util.ArrayList<>(h.extensions());
        if (c != null) written.addAll(c.extensions());
        for (var e : written) {
            String official = e.value().contains("/") ? e.value() : "siderolabs/" + e.value();
            if (!AMD64_ONLY.contains(official)) continue;
            reporter.error(Code.HL004, e.span(), "extension `" + e.value() + "` is built for amd64 only, and host `" + h.name()
                            + "` is arm64").label(h.arch().span(), "arm64 here")
                    .hint(h.extensions().contains(e) ? "drop it from this host" : "move it from the cluster to the amd64 hosts that need it").emit();
        }
    }

    private static void routes(Host h, Host.Interface i, ResolvedSpec ix, Reporter reporter) {
        Network net = i.network() == null ? null : ix.networks().get(i.network().text());
        for (Host.Route r : i.routes()) {
            if (r.gateway() == null) continue; // a link-scope route: no gateway to reach
            boolean v4 = r.network().isIpv4();
            if (v4 != r.gateway().value().isIPv4()) {
                reporter.error(Code.HL004, r.gateway().span(), "route to " + r.network() + " goes through " + r.gateway()
                                + ", an address of the other IP family")
                        .hint("an IPv4 route needs an IPv4 gateway, an IPv6 route an IPv6 one").emit();
                continue;
            }
            if (net != null && net.prefixOf(r.gateway()) != null) continue;
            if (i.network() != null && net == null) continue; // the unknown network is HL010
            reporter.error(Code.HL023, r.gateway().span(), "gateway " + r.gateway() + " of the route to " + r.network()
                            + " is not on " + (net == null ? "a network of interface `" + i.name() + "`"
                            : "network `" + net.name() + "` of interface `" + i.name() + "`") + " (host `" + h.name() + "`)")
                    .hint("a route's gateway must be reachable on the link itself: an address inside "
                            + (net == null || net.cidr() == null ? "the interface's network" : net.cidr().text())).emit();
        }
    }
}
