package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

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

    // Plain loops rather than a forEach lambda per kind: on JDK 17 each lambda's first call links its call site
    // at run time (no start-up archive holds that), a cost every `hlc check` paid eleven times here.
    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Spec s = ix.spec();
        for (var h : s.hosts()) name(h.name(), "host name", reporter);
        for (var d : s.devices()) name(d.name(), "device name", reporter);
        for (var c : s.cephs()) name(c.name(), "Ceph cluster name (its namespace)", reporter);
        for (var p : s.pools()) name(p.name(), "pool name", reporter);
        for (var c : s.storageClasses()) name(c.name(), "storage class name", reporter);
        for (var a : s.apps()) {
            name(a.name(), "app name", reporter);
            if (a.namespace() != null) name(a.namespace(), "namespace", reporter);
        }
        for (var p : s.dnsProviders()) name(p.name(), "dns-provider name", reporter);
        for (var h : s.hosts()) {
            for (var v : h.userVolumes()) name(v.name(), "user volume name", reporter);
        }
        if (s.cluster() != null && s.cluster().flux() != null) {
            for (var ns : s.cluster().flux().namespaces()) name(ns.name(), "namespace", reporter);
        }
        if (s.cluster() != null) {
            for (var lb : s.cluster().loadBalancers()) name(lb.name(), "load balancer name", reporter);
        }
    }

    private static void name(Name n, String what, Reporter reporter) {
        if (isLabel(n.text())) return;
        String fixed = n.text().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (fixed.length() > 63) fixed = fixed.substring(0, 63).replaceAll("-+$", "");
        var d = reporter.error(Code.HL083, n.span(), what + " `" + n + "` cannot be used as a Kubernetes/DNS name");
        d.hint(fixed.isEmpty() ? "use lower-case letters, digits and hyphens, at most 63 characters"
                : "use lower-case letters, digits and hyphens, at most 63 characters: `" + fixed + "`").emit();
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
