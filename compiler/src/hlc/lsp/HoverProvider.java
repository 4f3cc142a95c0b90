package hlc.lsp;

import hlc.diag.Code;
import hlc.explain.Catalogue;
import hlc.lsp.SpecAnalyzer.Analysis;
import hlc.lsp.SymbolIndex.Occurrence;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.Service;
import hlc.model.StorageClass;
import hlc.model.Target;
import hlc.resolve.ClusterSettings;
import hlc.resolve.Defaulted;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the thing under the cursor is: for a name (declared or referred to), what it resolves to (a network's
 * CIDR and gateway, a host's role and addresses, an app's namespace, dependencies and the defaults it gets);
 * on a finding, the finding and its code's {@code hlc explain} text.
 */
final class HoverProvider {
    private HoverProvider() {}

    static Hover hover(Analysis a, Path file, Position p) {
        List<String> parts = new ArrayList<>();
        Occurrence o = a.symbols().at(file, p);
        if (o != null) parts.add(describe(o.symbol(), a));
        else if (onClusterName(a, file, p)) parts.add(cluster(a.resolved.cluster()));
        for (hlc.diag.Diagnostic d : a.diagnosticsOf(file)) {
            if (Positions.contains(d.span(), p)) parts.add(explain(d));
        }
        if (parts.isEmpty()) return null;
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", parts)));
    }

    private static boolean onClusterName(Analysis a, Path file, Position p) {
        if (a.resolved == null || a.resolved.cluster() == null) return false;
        var at = a.resolved.cluster().cluster().name().span();
        return at.file().path().equals(file) && Positions.contains(at, p);
    }

    /**
     * The cluster's settings as the Talos and Flux files get them, from the resolved model: every value the spec
     * leaves out is shown with the default hlc applies, marked as one (Talos's pod subnet, KubePrism's port, ...).
     */
    static String cluster(ClusterSettings c) {
        List<String> lines = new ArrayList<>();
        Cluster cl = c.cluster();
        if (cl.talos() != null) lines.add("talos " + cl.talos().text());
        if (cl.kubernetes() != null) lines.add("kubernetes " + cl.kubernetes().text());
        lines.add("API endpoint " + (c.apiEndpoint().host() == null ? "(none)" : c.apiEndpoint().host()));
        lines.add(shown("pods", c.podSubnet(), c.podSubnet().value().text()));
        lines.add(shown("services", c.serviceSubnet(), c.serviceSubnet().value().text()));
        lines.add(shown("cni", c.cni(), c.cni().value().word()));
        lines.add(shown("kube-proxy", c.kubeProxy(), String.valueOf(c.kubeProxy().value())));
        lines.add(shown("kubeprism port", c.kubePrismPort(), String.valueOf(c.kubePrismPort().value())));
        lines.add(shown("cluster domain", c.clusterDomain(), c.clusterDomain().value()));
        lines.add(shown("flux layout", c.fluxLayout(), c.fluxLayout().value().word()));
        lines.add(shown("flux interval", c.fluxInterval(), hlc.emit.GoDuration.of(c.fluxInterval().value())));
        return "**cluster `" + cl.name().text() + "`**\n\n" + lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n"))
                + "\n\ndeclared at " + cl.name().span().path() + ":" + cl.name().span().line();
    }

    /** One resolved value, marked when the spec does not write it and hlc's default applies. */
    private static String shown(String what, Defaulted<?> d, String text) {
        return what + " " + text + (d.isDefault() ? " (default)" : "");
    }

    private static String explain(hlc.diag.Diagnostic d) {
        String head = "**" + d.severity().label() + "[" + d.code() + "]**: " + d.message();
        try {
            return head + "\n\n" + Catalogue.of(Code.valueOf(d.code())).text();
        } catch (RuntimeException noExplanation) {
            return head;
        }
    }

    static String describe(SymbolIndex.Symbol s, Analysis a) {
        String head = "**" + s.kind().label + " `" + s.text() + "`**";
        List<String> lines = new ArrayList<>();
        Object d = s.declaration();
        if (d instanceof Network n) {
            if (n.cidr() != null) lines.add("CIDR " + n.cidr().text());
            if (n.ipv6() != null) lines.add("IPv6 " + n.ipv6().text());
            if (n.gateway() != null) lines.add("gateway " + target(n.gateway(), a));
            if (!n.dns().isEmpty()) lines.add("DNS " + n.dns().stream().map(t -> target(t, a)).collect(Collectors.joining(", ")));
            if (n.dhcp() != null) lines.add("DHCP " + n.dhcp().first().text() + " to " + n.dhcp().last().text());
            if (n.vlan() != null) lines.add("VLAN " + n.vlan().value());
            if (n.mtu() != null) lines.add("MTU " + n.mtu().value());
            if (n.pool() != null) lines.add("pool " + n.pool().text());
        } else if (d instanceof Host h) {
            lines.add("role " + (h.role() == null ? "(none)" : h.role().value().word()));
            for (Host.Interface i : h.interfaces()) {
                if (i.address() == null && i.network() == null) continue;
                lines.add("interface " + i.name().text() + (i.network() == null ? "" : " on " + i.network().text())
                        + (i.address() == null ? (i.isDhcp() ? " (DHCP)" : "") : " " + i.address().text()));
            }
            if (h.memory() != null) lines.add("memory " + h.memory().text());
            if (a.resolved != null) lines.add(shown("install disk", a.resolved.installDisk(h), a.resolved.installDisk(h).value()));
        } else if (d instanceof Device dev) {
            if (dev.kind() != null) lines.add("kind " + dev.kind().text());
            for (Device.Address ad : dev.addresses()) lines.add("address " + ad.address().text() + " on " + ad.network().text());
            if (!dev.exports().isEmpty()) lines.add("exports " + dev.exports().stream().map(e -> e.name().text()).collect(Collectors.joining(", ")));
        } else if (d instanceof Device.Export e) {
            lines.add("export of device `" + s.scope() + "`" + (e.path() == null ? "" : ": " + e.path().value()));
        } else if (d instanceof Ceph.Pool pool) {
            if (a.resolved != null) {
                var placement = a.resolved.placement(pool);
                lines.add(shown("replicas", placement.replicas(), String.valueOf(placement.replicas().value())));
                lines.add("min size " + placement.minSize() + (pool.minSize() == null ? " (default)" : ""));
                lines.add("failure domain " + placement.domainWord() + (pool.failureDomain() == null ? " (default)" : ""));
            } else {
                if (pool.replicas() != null) lines.add("replicas " + pool.replicas().value());
                if (pool.failureDomain() != null) lines.add("failure domain " + pool.failureDomain().text());
            }
        } else if (d instanceof StorageClass sc) {
            lines.add(backend(sc.backend()) + (sc.defaultFlag() != null ? " (the default class)" : ""));
        } else if (d instanceof Service svc) {
            if (!svc.kinds().isEmpty()) lines.add("kind " + svc.kinds().stream().map(Name::text).collect(Collectors.joining(", ")));
            if (svc.endpoint() != null) lines.add("endpoint " + svc.endpoint().value());
        } else if (d instanceof Backup b) {
            if (b.tool() != null) lines.add("tool " + b.tool().text());
            if (b.target() != null) lines.add("to " + b.target().text());
        } else if (d instanceof App app) {
            app(app, a, lines);
        } else if (d instanceof Cluster.LoadBalancer lb) {
            lines.add("address " + lb.address().text() + " on " + lb.network().text());
            if (!lb.dnsNames().isEmpty()) lines.add("DNS " + lb.dnsNames().stream().map(Name::text).collect(Collectors.joining(", ")));
        }
        String where = s.name().span().path() + ":" + s.name().span().line();
        return head + (lines.isEmpty() ? "" : "\n\n" + lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")))
                + "\n\ndeclared at " + where;
    }

    /** An app, with the values it gets by default written as such, so the hover shows what Flux will see. */
    private static void app(App app, Analysis a, List<String> lines) {
        lines.add("namespace " + (app.namespace() == null ? "(none)" : app.namespace().text()));
        if (!app.dependencies().isEmpty()) {
            lines.add("depends on " + app.dependencies().stream()
                    .map(x -> x.app().text() + (x.namespace() == null ? "" : "@" + x.namespace().text())).collect(Collectors.joining(", ")));
        }
        Cluster c = a.spec == null ? null : a.spec.clusters().stream()
                .filter(x -> app.cluster() != null && x.name().text().equals(app.cluster().text()))
                .findFirst().orElse(a.spec.cluster());
        String fluxInterval = c != null && c.flux() != null && c.flux().interval() != null ? c.flux().interval().text() : null;
        lines.add("interval " + (app.interval() != null ? app.interval().text()
                : (fluxInterval != null ? fluxInterval + " (default: the cluster's flux interval)" : "(default)")));
        lines.add("prune " + (app.prune() != null ? app.prune().value() : "true (default)"));
        lines.add("wait " + (app.waitReady() != null ? app.waitReady().value() : "false (default)"));
        if (app.timeout() != null) lines.add("timeout " + app.timeout().text());
    }

    private static String backend(StorageClass.Backend b) {
        if (b instanceof StorageClass.CephPool p) return "Ceph RBD pool `" + p.pool().text() + "`";
        if (b instanceof StorageClass.Nfs n) return "NFS export `" + n.export().text() + "` on `" + n.device().text() + "`";
        if (b instanceof StorageClass.Hostpath h) return "host path " + h.path().value();
        if (b instanceof StorageClass.Static st) return "static volumes on `" + st.host().text() + "`";
        return "storage class";
    }

    /** A gateway or DNS server: the address, or the name with the address it resolves to. */
    private static String target(Target t, Analysis a) {
        if (t.address() != null) return t.address().text();
        SymbolIndex ix = a.symbols();
        SymbolIndex.Symbol dev = ix.find(SymbolIndex.Kind.DEVICE, "", t.ref().text());
        if (dev != null && dev.declaration() instanceof Device d && !d.addresses().isEmpty()) {
            return "`" + t.ref().text() + "` (" + d.addresses().get(0).address().text() + ")";
        }
        return "`" + t.ref().text() + "`";
    }
}
