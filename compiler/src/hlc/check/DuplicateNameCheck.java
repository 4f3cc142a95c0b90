package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Site;
import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        single("site", s.sites().stream().map(Site::name).toList(), reporter);
        unique("cluster", s.clusters().stream().map(Cluster::name), reporter);
        unique("network", s.networks().stream().map(n -> n.name()), reporter);
        unique("host", s.hosts().stream().map(Host::name), reporter);
        unique("device", s.devices().stream().map(Device::name), reporter);
        unique("ceph cluster", s.cephs().stream().map(Ceph::name), reporter);
        unique("pool", s.pools().stream().map(Ceph.Pool::name), reporter);
        unique("storage class", s.storageClasses().stream().map(c -> c.name()), reporter);
        unique("service", s.services().stream().map(x -> x.name()), reporter);
        unique("backup", s.backups().stream().map(b -> b.name()), reporter);
        unique("app", s.apps().stream().map(a -> a.name()), reporter);
        unique("dns-provider", s.dnsProviders().stream().map(p -> p.name()), reporter);
        if (s.cluster() != null) {
            unique("load balancer", s.cluster().loadBalancers().stream().map(Cluster.LoadBalancer::name), reporter);
            if (s.cluster().flux() != null) {
                unique("Flux namespace", s.cluster().flux().namespaces().stream().map(Cluster.Namespace::name), reporter);
            }
        }
        for (Device d : s.devices()) {
            unique("export of device `" + d.name() + "`", d.exports().stream().map(Device.Export::name), reporter);
        }
        for (Host h : s.hosts()) {
            unique("volume of host `" + h.name() + "`", h.volumes().stream().map(Host.Volume::name), reporter);
            unique("user volume of host `" + h.name() + "`", h.userVolumes().stream().map(Host.Volume::name), reporter);
            Map<String, Name> seen = new HashMap<>();
            for (Host.Interface i : h.interfaces()) {
                Name first = seen.putIfAbsent(i.name().text(), i.name());
                if (first != null) {
                    reporter.error(Code.HL012, i.name().span(),
                                    "host `" + h.name() + "` has two interfaces named `" + i.name() + "`")
                            .label(first.span(), "first declared here")
                            .hint("give each interface of a host its own name (e.g. `bond0`, `ceph0`)").emit();
                }
            }
        }
    }

    private static void single(String kind, List<Name> names, Reporter reporter) {
        for (int i = 1; i < names.size(); i++) {
            reporter.error(Code.HL011, names.get(i).span(), "a spec describes one " + kind + "; this is a second")
                    .label(names.get(0).span(), "the first " + kind + " is declared here")
                    .hint("merge the two " + kind + " blocks").emit();
        }
    }

    private static void unique(String kind, Stream<Name> names, Reporter reporter) {
        Map<String, Name> seen = new HashMap<>();
        names.forEach(n -> {
            Name first = seen.putIfAbsent(n.text(), n);
            if (first != null) {
                reporter.error(Code.HL011, n.span(), Words.article(kind) + " " + kind + " named `" + n + "` is already declared")
                        .label(first.span(), "first declared here")
                        .hint("rename one of them; references by name must be unambiguous").emit();
            }
        });
    }
}
