package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Name;
import hlc.model.Site;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL080: a DNS name is made of valid labels (letters, digits, inner hyphens, at most 63 characters each, 253 in
 * all; a `*` only as the whole first label). HL081: it lies inside one of the site's domains, the only ones
 * the DNS providers manage. HL082: no name points at two different targets, which would make answers flap.
 */
public final class DnsNameCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL080, Code.HL081, Code.HL082);
    }

    /** A DNS name declared in the spec, and what it resolves to ("192.168.5.10", or a load balancer). */
    private record Declared(Name name, String target, String owner) {}

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Site site = ix.spec().site();
        if (site != null) {
            if (site.domain() != null) validLabels(site.domain(), reporter);
            if (site.localDomain() != null) validLabels(site.localDomain(), reporter);
        }
        List<Declared> names = new ArrayList<>();
        for (Device d : ix.spec().devices()) {
            String target = d.addresses().isEmpty() ? "device " + d.name() : d.addresses().get(0).address().text();
            for (Name n : d.dnsNames()) names.add(new Declared(n, target, "device `" + d.name() + "`"));
        }
        Cluster c = ix.spec().cluster();
        if (c != null) {
            for (Cluster.LoadBalancer lb : c.loadBalancers()) {
                for (Name n : lb.dnsNames()) names.add(new Declared(n, lb.address().text(), "load balancer `" + lb.name() + "`"));
            }
            if (c.endpoint() != null) validLabels(c.endpoint(), reporter);
        }
        for (hlc.model.Service svc : ix.spec().services()) {
            for (Name n : svc.dnsNames()) names.add(new Declared(n, "service " + svc.name(), "service `" + svc.name() + "`"));
        }
        for (App a : ix.spec().apps()) {
            for (App.Route r : a.routes()) {
                names.add(new Declared(r.dnsName(), routeTarget(r, c, ix), "app `" + a.name() + "`"));
            }
        }
        var order = ix.sourceOrder(); // a lambda of hlc's, not Comparator.comparing's (see ResolvedSpec.sourceOrder)
        names.sort((a, b) -> order.compare(a.name().span(), b.name().span()));
        Map<String, Declared> seen = new HashMap<>();
        for (Declared d : names) {
            if (!validLabels(d.name(), reporter)) continue;
            inSiteDomain(d.name(), site, reporter);
            String key = d.name().dnsKey();
            Declared first = seen.putIfAbsent(key, d);
            if (first != null && !first.target().equals(d.target())) {
                reporter.error(Code.HL082, d.name().span(), "`" + d.name() + "` points at " + d.target() + " for "
                                + d.owner() + ", but at " + first.target() + " for " + first.owner())
                        .label(first.name().span(), "first declared here")
                        .hint("a DNS name must have one target; rename one of them").emit();
            }
        }
    }

    private static String routeTarget(App.Route r, Cluster c, ResolvedSpec ix) {
        Cluster.LoadBalancer lb = ix.loadBalancerOf(r);
        if (lb != null) return lb.address().text();
        return r.via() != null ? "load balancer " + r.via() : "the cluster's ingress";
    }

    static boolean validLabels(Name n, Reporter reporter) {
        String text = n.text().endsWith(".") ? n.text().substring(0, n.text().length() - 1) : n.text();
        String problem = null;
        if (text.length() > 253) problem = "is longer than 253 characters";
        String[] labels = text.split("\\.", -1);
        for (int i = 0; i < labels.length && problem == null; i++) {
            String l = labels[i];
            if (l.equals("*") && i == 0 && labels.length > 1) continue;
            if (l.isEmpty()) problem = "has an empty label";
            else if (l.length() > 63) problem = "has a label longer than 63 characters (`" + l.substring(0, 20) + "…`)";
            else if (l.startsWith("-") || l.endsWith("-")) problem = "has a label that starts or ends with `-` (`" + l + "`)";
            else if (!l.matches("[A-Za-z0-9-]+")) problem = "has a character DNS does not allow in label `" + l + "`";
        }
        if (problem == null) return true;
        reporter.error(Code.HL080, n.span(), "DNS name `" + n + "` " + problem)
                .hint("labels are letters, digits and inner hyphens, 1 to 63 characters, e.g. `plex.example.com`")
                .emit();
        return false;
    }

    private static void inSiteDomain(Name n, Site site, Reporter reporter) {
        if (site == null || site.domain() == null) return;
        String name = n.dnsKey();
        List<String> domains = new ArrayList<>();
        domains.add(site.domain().dnsKey());
        if (site.localDomain() != null) domains.add(site.localDomain().dnsKey());
        for (String d : domains) {
            if (name.equals(d) || name.endsWith("." + d)) return;
        }
        String firstLabel = name.split("\\.")[0];
        reporter.error(Code.HL081, n.span(), "DNS name `" + n + "` is outside the site's domain"
                        + (domains.size() > 1 ? "s (" + String.join(", ", domains) + ")" : " `" + domains.get(0) + "`"))
                .label(site.domain().span(), "the site's domain is declared here")
                .hint("did you mean `" + firstLabel + "." + domains.get(0) + "`?").emit();
    }}
