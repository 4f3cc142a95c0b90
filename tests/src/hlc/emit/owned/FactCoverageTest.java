package hlc.emit.owned;

import hlc.resolve.ResolvedSpec;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.SecretRef;
import hlc.model.Service;
import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every fact a bundled spec states (each address, CIDR, load-balancer pool, ASN, OSD selector, backup schedule,
 * vault reference and DNS name) is in some file hlc writes, in the form that file's tool reads, or is one of the
 * facts listed in {@link #NOT_EMITTED} with the reason hlc keeps it to its checks. A fact that is in neither is
 * the spec and the cluster drifting apart: the user would have to type it again by hand.
 */
class FactCoverageTest {
    /** Facts hlc checks but writes nowhere, by the kind of fact, and why. */
    static final Map<String, String> NOT_EMITTED = Map.ofEntries(
            Map.entry("load-balancer address inside a routed pool", "the pool's block covers it; the Service claims it with `lbipam.cilium.io/ips` in the app's own manifests (the flat layout also writes LB_<NAME>_IP)"),
            Map.entry("dns name of a device without an address", "no address to point a record at: the name is served by whoever gives the device its address"),
            Map.entry("osd size", "Rook has no field for a device's size; HL044 and `hlc whatif` capacity use it"),
            Map.entry("backup by another tool", "Kopiur, a NAS's own snapshots and pg_dump CronJobs are not resources hlc writes (README)"),
            Map.entry("secret of a service no backup or app uses", "a vault reference is written where something consumes it: an app's variable, a backup's credentials"),
            Map.entry("public name without a public provider", "no dns-provider is public, so no route is published to the internet and nothing points at the name"),
                        Map.entry("network nothing is placed on", "a network with no host interface, load balancer, Ceph role or pod address leaves no trace in any config"));

    record Fact(String kind, String what, List<String> forms) {}

    /** The facts of a spec, each with the spellings an emitted file may carry it in. */
    static List<Fact> facts(ResolvedSpec ix) {
        Spec s = ix.spec();
        List<Fact> out = new ArrayList<>();
        for (Network n : s.networks()) {
            if (n.cidr() != null) out.add(new Fact(placedOn(ix, n) ? "cidr" : "network nothing is placed on", n.name() + " " + n.cidr(),
                    List.of(n.cidr().text(), n.cidr().block().getLower().toCanonicalString() + "/")));
        }
        for (Host h : s.hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.address() != null) out.add(new Fact("address", h.name() + " " + i.name(), List.of(i.address().text())));
            }
            for (Host.Osd o : h.osds()) {
                out.add(new Fact("osd selector", h.name() + " " + o.selector().value(),
                        List.of(o.selector().value(), "^" + o.selector().value().replace(".", "\\\\.").replace("*", "[^/]*") + "$")));
                if (o.size() != null) out.add(new Fact("osd size", h.name() + " " + o.size().text(), List.of()));
            }
        }
        for (Host h : s.hosts()) {
            if (ix.machineName(h) != null && ix.primaryAddress(h) != null) {
                out.add(new Fact("dns name", "host " + h.name(), List.of("\"" + Name.dnsKey(ix.machineName(h)) + "\"")));
            }
        }
        boolean publicProvider = s.dnsProviders().stream().anyMatch(ix::isPublic);
        for (Device d : s.devices()) {
            for (Device.Address a : d.addresses()) out.add(new Fact("address", d.name() + " on " + a.network(), List.of(a.address().text())));
            String kind = d.addresses().isEmpty() ? "dns name of a device without an address" : "dns name";
            for (Name n : d.dnsNames()) out.add(new Fact(kind, d.name() + " " + n, List.of(n.dnsKey())));
        }
        Cluster c = s.cluster();
        if (c != null) {
            for (Cluster.LoadBalancer lb : c.loadBalancers()) {
                Network on = lb.network() == null ? null : ix.networks().get(lb.network().text());
                boolean routed = on != null && on.isLoadBalancerPool();
                out.add(new Fact(routed ? "load-balancer address inside a routed pool" : "load-balancer address",
                        lb.name().text(), List.of(lb.address().text())));
                for (Name n : lb.dnsNames()) out.add(new Fact("dns name", lb.name() + " " + n, List.of(n.dnsKey())));
                if (lb.publicName() != null) {
                    // the target of the CNAMEs of the routes through it, on the public providers
                    out.add(new Fact(publicProvider ? "public name" : "public name without a public provider", lb.name().text(),
                            List.of("recordType: \"CNAME\"\n      targets:\n        - \"" + lb.publicName().dnsKey() + "\"")));
                }
            }
            if (c.bgp() != null) {
                out.add(new Fact("asn", "cluster", List.of("localASN: " + c.bgp().asn().value())));
                for (Cluster.Peer p : c.bgp().peers()) {
                    out.add(new Fact("asn", "peer " + p.address().span(), List.of("peerASN: " + p.asn().value())));
                    if (p.address().address() != null) {
                        out.add(new Fact("peer address", p.address().address().text(), List.of("peerAddress: \"" + p.address().address().text() + "\"")));
                    }
                }
            }
        }
        for (App a : s.apps()) {
            for (App.Route r : a.routes()) out.add(new Fact("dns name", a.name() + " " + r.dnsName(), List.of(r.dnsName().dnsKey())));
            for (App.Multus m : a.multus()) out.add(new Fact("multus address", a.name() + " " + m.address(), List.of(m.address().text() + "/")));
            for (App.Var v : a.vars()) {
                if (v.secret() != null) out.add(new Fact("vault reference", a.name() + " " + v.name(), List.of("\"" + v.secret().key().value() + "\"")));
            }
        }
        for (Backup b : s.backups()) {
            boolean written = b.tool() != null && (b.tool().text().equals("volsync")
                    || (b.tool().text().equals("cnpg") && b.method() != null && b.method().text().equals("barman")));
            String kind = written ? "backup schedule" : "backup by another tool";
            if (b.schedule() != null) out.add(new Fact(kind, b.name().text(), List.of("\"" + b.schedule().value() + "\"", "\"0 " + b.schedule().value() + "\"")));
            if (b.every() != null) out.add(new Fact(kind, b.name() + " every " + b.every().text(), List.of("schedule: \"0 */" + b.every().value().toHours() + " * * *\"")));
            if (b.retention() != null) out.add(new Fact(written ? "backup retention" : kind, b.name().text(), List.of(b.retention().text())));
            if (b.secret() != null) out.add(new Fact(written ? "vault reference" : kind, b.name() + " " + b.secret().key().value(),
                    List.of("\"" + b.secret().key().value() + "\"")));
            if (b.targetExport() != null && b.target() != null && ix.devices().containsKey(b.target().text())) {
                for (Device.Export e : ix.devices().get(b.target().text()).exports()) {
                    if (!e.name().text().equals(b.targetExport().text())) continue;
                    boolean volsync = b.tool() != null && b.tool().text().equals("volsync");
                    out.add(new Fact(volsync ? "backup export" : kind, b.name() + " to " + e.name(), List.of("path: \"" + e.path().value() + "\"")));
                }
            }
        }
        for (Service svc : s.services()) {
            for (SecretRef ref : svc.secrets()) {
                boolean consumed = s.backups().stream().anyMatch(b -> b.target() != null && b.target().text().equals(svc.name().text()));
                out.add(new Fact(consumed ? "vault reference" : "secret of a service no backup or app uses",
                        svc.name() + " " + ref.key().value(), List.of("\"" + ref.key().value() + "\"")));
            }
        }
        return out;
    }

    /** Whether anything of the spec is placed on the network: an interface, a load balancer, Ceph, a pod address. */
    private static boolean placedOn(ResolvedSpec ix, Network n) {
        String name = n.name().text();
        Spec s = ix.spec();
        if (s.hosts().stream().anyMatch(h -> h.hasInterfaceOn(name))) return true;
        if (s.cluster() != null && s.cluster().loadBalancers().stream().anyMatch(l -> l.network() != null && l.network().text().equals(name))) return true;
        if (s.cephs().stream().anyMatch(c -> (c.publicNetwork() != null && c.publicNetwork().text().equals(name))
                || (c.clusterNetwork() != null && c.clusterNetwork().text().equals(name)))) return true;
        return s.apps().stream().anyMatch(a -> a.multus().stream().anyMatch(m -> m.network().text().equals(name)));
    }

    /** A network is also written as an address of it with its prefix length (a Multus pod's 192.168.107.50/24). */
    private static boolean addressWithPrefixIn(String text, String cidr) {
        inet.ipaddr.IPAddress block = new inet.ipaddr.IPAddressString(cidr).getAddress();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})\\b").matcher(text);
        while (m.find()) {
            if (Integer.parseInt(m.group(2)) != block.getNetworkPrefixLength()) continue;
            inet.ipaddr.IPAddress a = new inet.ipaddr.IPAddressString(m.group(1)).getAddress();
            if (a != null && block.contains(a)) return true;
        }
        return false;
    }

    private static List<String> missing(java.nio.file.Path spec) throws Exception {
        EmitFixtures.Run run = Compiles.clean(spec);
        ResolvedSpec ix = new ResolvedSpec(hlc.Compiler.check(spec).spec());
        StringBuilder all = new StringBuilder();
        for (RenderedFile f : run.files()) all.append(f.content()).append('\n');
        String text = all.toString();
        List<String> missing = new ArrayList<>();
        Map<String, Integer> notEmitted = new LinkedHashMap<>();
        for (Fact f : facts(ix)) {
            if (NOT_EMITTED.containsKey(f.kind())) {
                notEmitted.merge(f.kind(), 1, Integer::sum);
                continue;
            }
            if (f.kind().equals("cidr") && addressWithPrefixIn(text, f.forms().get(0))) continue;
            if (f.forms().stream().noneMatch(text::contains)) missing.add(f.kind() + ": " + f.what() + " (looked for " + f.forms() + ")");
        }
        return missing;
    }

    @Test
    void everyFactOfTheArchitecturePageSpecIsWrittenOrListed() throws Exception {
        assertEquals(List.of(), missing(Compiles.homelab()));
    }

    @Test
    void everyFactOfTheClusterAsItRunsTodayIsWrittenOrListed() throws Exception {
        assertEquals(List.of(), missing(Compiles.today()));
    }
}
