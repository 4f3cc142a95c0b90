package hlc.emit;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.emit.dns.DnsProviders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * UniFi DNS: the records of every host ({@code <host>.<local-domain>}, or the site's domain without one), device
 * (its {@code dns} names, else named like a host) and app route (the address of the load balancer it goes
 * through; for a {@code public} load balancer, also a CNAME to its public name, for public providers only), as external-dns
 * {@code DNSEndpoint} resources, which the UniFi webhook syncs, and as {@code dns/unifi-static-dns.json} in the
 * fields of the UniFi controller's static-DNS API, for users without the webhook.
 */
public final class DnsEmitter implements Emitter {
    static final int TTL = 300;
    static final String NAMESPACE = "network";

    /** One record. */
    record Rec(String name, String type, String target, Ip ip) {}

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        Spec s = ix.spec();
        String machines = ix.machineDomain();
        Map<String, TreeSet<Rec>> byOwner = new TreeMap<>();
        for (Host h : s.hosts()) {
            Ip ip = ix.primaryAddress(h);
            if (ip != null && machines != null) add(byOwner, "host-" + h.name(), ix.machineName(h), ip);
        }
        for (Device d : s.devices()) {
            Ip ip = ix.primaryAddress(d);
            if (ip == null) continue;
            if (!d.dnsNames().isEmpty()) {
                for (Name n : d.dnsNames()) add(byOwner, "device-" + d.name(), n.text(), ip);
            } else if (machines != null) {
                add(byOwner, "device-" + d.name(), d.name().text() + "." + machines, ip);
            }
        }
        for (App a : s.apps()) {
            for (App.Route r : a.routes()) {
                Cluster.LoadBalancer lb = ix.loadBalancerOf(r);
                if (lb != null) add(byOwner, "app-" + a.name(), r.dnsName().text(), lb.address());
                if (lb != null && lb.publicName() != null) alias(byOwner, "app-" + a.name(), r.dnsName().text(), lb.publicName().text());
            }
        }
        if (s.cluster() != null) {
            for (Cluster.LoadBalancer lb : s.cluster().loadBalancers()) {
                for (Name n : lb.dnsNames()) add(byOwner, "lb-" + lb.name(), n.text(), lb.address());
            }
        }
        // With dns-provider blocks, each DNSEndpoint is for one provider and says so in a label; a record no
        // provider may publish is left out (a LAN address is never given to a public provider).
        DnsProviders providers = DnsProviders.of(ix);
        List<Map<String, Object>> endpoints = new ArrayList<>();
        TreeSet<Rec> all = new TreeSet<>(Comparator.comparing(Rec::name).thenComparing(Rec::type).thenComparing(Rec::target));
        Map<String, Map<String, List<Rec>>> byProvider = new TreeMap<>();
        byOwner.forEach((owner, recs) -> {
            for (Rec r : recs) {
                if (r.ip() == null) {
                    // a route's public alias: only public providers get it, and only when the spec says which they are
                    for (String p : providers.publishingAlias(r.name())) {
                        byProvider.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(owner, k -> new ArrayList<>()).add(r);
                    }
                    continue;
                }
                if (providers.servedOnTheLan(r.name())) all.add(r);
                List<String> to = providers.declared() ? providers.publishing(r.name(), r.ip()) : List.of("");
                for (String p : to) byProvider.computeIfAbsent(p, k -> new TreeMap<>()).computeIfAbsent(owner, k -> new ArrayList<>()).add(r);
            }
        });
        byProvider.forEach((provider, owners) -> owners.forEach((owner, recs) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", provider.isEmpty() ? owner : provider + "-" + owner);
            e.put("provider", provider);
            e.put("records", recs.stream().map(DnsEmitter::context).toList());
            endpoints.add(e);
        }));
        List<FileSpec> files = new ArrayList<>();
        if (!endpoints.isEmpty()) {
            files.add(new FileSpec("dns/dnsendpoints.yaml", "dnsendpoints.yaml.j2",
                    Map.of("endpoints", endpoints, "namespace", NAMESPACE), false));
        }
        files.add(new FileSpec("dns/unifi-static-dns.json", "unifi-static-dns.json.j2",
                Map.of("records", all.stream().map(DnsEmitter::context).toList()), false));
        return files;
    }

    /**
     * The DNSEndpoints, applied after the apps that run external-dns (whose chart brings the DNSEndpoint CRD):
     * the namesake app of each {@code dns-provider}, else an app called {@code external-dns} or {@code unifi-dns};
     * not applied at all when there is none.
     * The UniFi JSON beside them is for people, not Flux, and stays out of the folder's kustomization.yaml.
     */
    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        boolean records = files(ix, null).stream().anyMatch(f -> f.path().endsWith(".yaml"));
        if (!records) return List.of();
        TreeSet<String> after = new TreeSet<>();
        ix.spec().dnsProviders().forEach(p -> {
            if (ix.apps().containsKey(p.name().text())) after.add(p.name().text());
        });
        if (after.isEmpty()) {
            for (String conventional : List.of("external-dns", "unifi-dns")) {
                if (ix.apps().containsKey(conventional)) after.add(conventional);
            }
        }
        // No app runs external-dns: nothing in the cluster has the DNSEndpoint kind, and Flux would fail the folder
        // ("no matches for kind DNSEndpoint"); the records stay in dns/ for the UniFi controller (README).
        if (after.isEmpty()) return List.of();
        return List.of(new AppliedFolder("hlc-dns", "dns", List.copyOf(after)));
    }

    private static void add(Map<String, TreeSet<Rec>> byOwner, String owner, String name, Ip ip) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        byOwner.computeIfAbsent(owner, k -> new TreeSet<>(Comparator.comparing(Rec::name).thenComparing(Rec::type)
                        .thenComparing(Rec::target)))
                .add(new Rec(n, ip.value().isIPv4() ? "A" : "AAAA", ip.text(), ip));
    }

    /** A CNAME record (no address): the route's name for the internet, pointing at its load balancer's public name. */
    private static void alias(Map<String, TreeSet<Rec>> byOwner, String owner, String name, String target) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        String t = target.toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        byOwner.computeIfAbsent(owner, k -> new TreeSet<>(Comparator.comparing(Rec::name).thenComparing(Rec::type)
                .thenComparing(Rec::target))).add(new Rec(n, "CNAME", t, null));
    }

    private static Map<String, Object> context(Rec r) {
        return Map.of("name", r.name(), "type", r.type(), "target", r.target(), "ttl", TTL);
    }

}
