package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Named;
import hlc.model.Site;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL011: two declarations of the same kind with one name (two networks `lan`), since every reference by that
 * name would be ambiguous (clusters included: a spec may describe several, each by its own name); and a second
 * site whatever its name, since a spec describes one. HL012: two interfaces of one host with one name (Talos would merge them).
 */
public final class DuplicateNameCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL011, Code.HL012);
    }

    @Override
    public void run(ResolvedSpec index, Reporter reporter) {
        Spec s = index.spec();
        single("site", s.sites(), reporter);
        unique("cluster", null, s.clusters(), reporter);
        unique("network", null, s.networks(), reporter);
        unique("host", null, s.hosts(), reporter);
        unique("device", null, s.devices(), reporter);
        unique("ceph cluster", null, s.cephs(), reporter);
        unique("pool", null, s.pools(), reporter);
        unique("storage class", null, s.storageClasses(), reporter);
        unique("service", null, s.services(), reporter);
        unique("backup", null, s.backups(), reporter);
        unique("app", null, s.apps(), reporter);
        unique("dns-provider", null, s.dnsProviders(), reporter);
        if (s.cluster() != null) {
            unique("load balancer", null, s.cluster().loadBalancers(), reporter);
            if (s.cluster().flux() != null) {
                unique("Flux namespace", null, s.cluster().flux().namespaces(), reporter);
            }
        }
        for (Device d : s.devices()) unique("export of device", d.name(), d.exports(), reporter);
        for (Host h : s.hosts()) {
            unique("volume of host", h.name(), h.volumes(), reporter);
            unique("user volume of host", h.name(), h.userVolumes(), reporter);
            // A host has a few interfaces: comparing each with the ones before it costs less than a map per host.
            List<Host.Interface> links = h.interfaces();
            for (int at = 1; at < links.size(); at++) {
                Host.Interface i = links.get(at);
                Name first = null;
                for (int j = 0; j < at && first == null; j++) {
                    if (links.get(j).name().text().equals(i.name().text())) first = links.get(j).name();
                }
                if (first != null) {
                    reporter.error(Code.HL012, i.name().span(),
                                    "host `" + h.name() + "` has two interfaces named `" + i.name() + "`")
                            .label(first.span(), "first declared here")
                            .hint("give each interface of a host its own name (e.g. `bond0`, `ceph0`)").emit();
                }
            }
        }
    }

    private static void single(String kind, List<Site> sites, Reporter reporter) {
        for (int i = 1; i < sites.size(); i++) {
            reporter.error(Code.HL011, sites.get(i).name().span(), "a spec describes one " + kind + "; this is a second")
                    .label(sites.get(0).name().span(), "the first " + kind + " is declared here")
                    .hint("merge the two " + kind + " blocks").emit();
        }
    }

    /**
     * HL011 for each item whose name an earlier one has. {@code owner}: the block the items are part of (a host's
     * volumes), named in the message after {@code kind}; null for top-level blocks. A list of fewer than two
     * items is skipped before any map or message text is made: most hosts have one volume or none.
     */
    private static void unique(String kind, Name owner, List<? extends Named> items, Reporter reporter) {
        if (items.size() < 2) return;
        Map<String, Name> seen = new HashMap<>(items.size() * 2);
        for (Named item : items) {
            Name n = item.name();
            Name first = seen.putIfAbsent(n.text(), n);
            if (first != null) {
                String k = owner == null ? kind : kind + " `" + owner + "`";
                reporter.error(Code.HL011, n.span(), Words.article(k) + " " + k + " named `" + n + "` is already declared")
                        .label(first.span(), "first declared here")
                        .hint("rename one of them; references by name must be unambiguous").emit();
            }
        }
    }
}
