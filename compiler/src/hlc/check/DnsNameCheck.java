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
        Map<String, Declared> seen = new HashMap<>(names.size() * 2);
        List<String> domains = domains(site);
        for (Declared d : names) {
            if (!validLabels(d.name(), reporter)) continue;
            inSiteDomain(d.name(), site, domains, reporter);
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
        String problem = problem(text);
        if (problem == null) return true;
        reporter.error(Code.HL080, n.span(), "DNS name `" + n + "` " + problem)
                .hint("labels are letters, digits and inner hyphens, 1 to 63 characters, e.g. `plex.example.com`")
                .emit();
        return false;
    }

    /**
     * What is wrong with a name (without its root dot), or null. Label by label with a scan of the characters, not
     * a split and a regex per label: a 10,000-host spec has tens of thousands of names (bench/RESULTS.md).
     */
    static String problem(String text) {
        if (text.length() > 253) return "is longer than 253 characters";
        int labels = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '.') labels++;
        int start = 0;
        for (int i = 0; i < labels; i++) {
            int end = text.indexOf('.', start);
            if (end < 0) end = text.length();
            String problem = labelProblem(text, start, end, i == 0 && labels > 1);
            if (problem != null) return problem;
            start = end + 1;
        }
        return null;
    }

    /** What is wrong with the label {@code text[start, end)}, or null; {@code wildcard}: a lone `*` is fine there. */
    private static String labelProblem(String text, int start, int end, boolean wildcard) {
        int length = end - start;
        if (wildcard && length == 1 && text.charAt(start) == '*') return null;
        if (length == 0) return "has an empty label";
        if (length > 63) return "has a label longer than 63 characters (`" + text.substring(start, start + 20) + "…`)";
        if (text.charAt(start) == '-' || text.charAt(end - 1) == '-') {
            return "has a label that starts or ends with `-` (`" + text.substring(start, end) + "`)";
        }
        for (int i = start; i < end; i++) {
            char ch = text.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
            if (!ok) return "has a character DNS does not allow in label `" + text.substring(start, end) + "`";
        }
        return null;
    }

    /** The site's domains as DNS compares them (the domain, then the local domain), once per run; empty for none. */
    private static List<String> domains(Site site) {
        if (site == null || site.domain() == null) return List.of();
        List<String> domains = new ArrayList<>();
        domains.add(site.domain().dnsKey());
        if (site.localDomain() != null) domains.add(site.localDomain().dnsKey());
        return domains;
    }

    private static void inSiteDomain(Name n, Site site, List<String> domains, Reporter reporter) {
        if (domains.isEmpty()) return;
        String name = n.dnsKey();
        for (String d : domains) {
            if (name.equals(d) || (name.endsWith(d) && name.length() > d.length() && name.charAt(name.length() - d.length() - 1) == '.')) return;
        }
        String firstLabel = name.split("\\.")[0];
        reporter.error(Code.HL081, n.span(), "DNS name `" + n + "` is outside the site's domain"
                        + (domains.size() > 1 ? "s (" + String.join(", ", domains) + ")" : " `" + domains.get(0) + "`"))
                .label(site.domain().span(), "the site's domain is declared here")
                .hint("did you mean `" + firstLabel + "." + domains.get(0) + "`?").emit();
    }
}
