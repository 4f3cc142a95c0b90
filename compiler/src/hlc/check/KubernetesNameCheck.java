package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HL083: names that become Kubernetes object names, namespaces, host names or output file names are DNS-1123
 * labels: lower-case letters, digits and inner hyphens, at most 63 characters. The grammar allows more (`K8s_1`)
 * so that the finding can say exactly what to write instead.
 */
public final class KubernetesNameCheck implements Check {

    @Override
    public List<Code> codes() {
        return List.of(Code.HL083);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Spec s = ix.spec();
        List<Object[]> names = new ArrayList<>();
        s.hosts().forEach(h -> names.add(new Object[]{h.name(), "host name"}));
        s.devices().forEach(d -> names.add(new Object[]{d.name(), "device name"}));
        s.cephs().forEach(c -> names.add(new Object[]{c.name(), "Ceph cluster name (its namespace)"}));
        s.pools().forEach(p -> names.add(new Object[]{p.name(), "pool name"}));
        s.storageClasses().forEach(c -> names.add(new Object[]{c.name(), "storage class name"}));
        s.apps().forEach(a -> {
            names.add(new Object[]{a.name(), "app name"});
            if (a.namespace() != null) names.add(new Object[]{a.namespace(), "namespace"});
        });
        s.dnsProviders().forEach(p -> names.add(new Object[]{p.name(), "dns-provider name"}));
        s.hosts().forEach(h -> h.userVolumes().forEach(v -> names.add(new Object[]{v.name(), "user volume name"})));
        if (s.cluster() != null && s.cluster().flux() != null) {
            s.cluster().flux().namespaces().forEach(ns -> names.add(new Object[]{ns.name(), "namespace"}));
        }
        if (s.cluster() != null) s.cluster().loadBalancers().forEach(lb -> names.add(new Object[]{lb.name(), "load balancer name"}));
        for (Object[] pair : names) {
            Name n = (Name) pair[0];
            if (isLabel(n.text())) continue;
            String fixed = n.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
            if (fixed.length() > 63) fixed = fixed.substring(0, 63).replaceAll("-+$", "");
            var d = reporter.error(Code.HL083, n.span(), pair[1] + " `" + n + "` cannot be used as a Kubernetes/DNS name");
            d.hint(fixed.isEmpty() ? "use lower-case letters, digits and hyphens, at most 63 characters"
                    : "use lower-case letters, digits and hyphens, at most 63 characters: `" + fixed + "`").emit();
        }
    }

    /**
     * A DNS-1123 label, {@code [a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?}, by a scan of its characters: a regex match per
     * name was most of this check's time on a 10,000-host spec, and its pattern compiled on every start.
     */
    static boolean isLabel(String s) {
        int n = s.length();
        if (n == 0 || n > 63 || s.charAt(0) == '-' || s.charAt(n - 1) == '-') return false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }
}
