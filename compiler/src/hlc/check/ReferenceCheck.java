package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Backup;
import hlc.model.Ceph;
import hlc.model.Cluster;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Name;
import hlc.model.Network;
import hlc.model.SecretRef;
import hlc.model.Service;
import hlc.model.Spec;
import hlc.model.StorageClass;
import hlc.model.Target;
import hlc.resolve.ResolvedSpec;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HL010: every name used as a reference (a network, host, device, pool, export, storage class, service, backup,
 * app, load balancer) is declared, and of the right kind; otherwise the nearest declared name is suggested. An
 * app's dependencies are resolved together with their namespace, by {@link AppNamespaceCheck}.
 */
public final class ReferenceCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL010, Code.HL065);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Spec s = ix.spec();
        for (Network n : s.networks()) {
            if (n.gateway() != null) addressHolder(n.gateway(), ix, reporter);
            for (Target t : n.dns()) addressHolder(t, ix, reporter);
        }
        Cluster c = s.cluster();
        if (c != null) {
            if (c.vip() != null) resolve(c.vip().network(), ix.networks(), "network", reporter);
            for (Cluster.LoadBalancer lb : c.loadBalancers()) resolve(lb.network(), ix.networks(), "network", reporter);
            if (c.nodeNetwork() != null) resolve(c.nodeNetwork(), ix.networks(), "network", reporter);
            for (Cluster.TimeServer t : c.timeServers()) if (t.target() != null) addressHolder(t.target(), ix, reporter);
            if (c.bgp() != null) {
                for (Cluster.Peer p : c.bgp().peers()) {
                    addressHolder(p.address(), ix, reporter);
                    if (p.via() != null) resolve(p.via(), ix.networks(), "network", reporter);
                }
            }
        }
        for (Host h : s.hosts()) {
            Set<String> own = null; // the host's interface names, for bonds only
            for (Host.Interface i : h.interfaces()) {
                if (i.network() != null) resolve(i.network(), ix.networks(), "network", reporter);
                if (i.bond() != null) {
                    if (own == null) {
                        own = new HashSet<>();
                        for (Host.Interface x : h.interfaces()) own.add(x.name().text());
                    }
                    for (Name member : i.bond().members()) {
                        if (member.text().equals(i.name().text())) {
                            reporter.error(Code.HL010, member.span(), "bond `" + i.name() + "` cannot be its own member")
                                    .hint("list the links it bonds, e.g. `bond active-backup [net0]` with `interface net0 driver e1000e`")
                                    .emit();
                        } else if (!own.contains(member.text())) {
                            missing(member, "interface of host `" + h.name() + "`", own, reporter);
                        }
                    }
                }
            }
        }
        for (Device d : s.devices()) {
            for (Device.Address a : d.addresses()) resolve(a.network(), ix.networks(), "network", reporter);
        }
        for (Ceph ceph : s.cephs()) {
            if (ceph.publicNetwork() != null) resolve(ceph.publicNetwork(), ix.networks(), "network", reporter);
            if (ceph.clusterNetwork() != null) resolve(ceph.clusterNetwork(), ix.networks(), "network", reporter);
        }
        for (StorageClass sc : s.storageClasses()) {
            String sclass = "storage class `" + sc.name() + "`";
            if (sc.backend() instanceof StorageClass.CephPool p
                    && !OtherCluster.reported(ix, p.pool(), "Ceph pool", sclass, v -> v.pools(), reporter)) {
                resolve(p.pool(), ix.pools(), "Ceph pool", reporter);
            }
            if (sc.backend() instanceof StorageClass.Nfs nfs) export(nfs.export(), nfs.device(), ix, reporter);
            if (sc.backend() instanceof StorageClass.Static st
                    && !OtherCluster.reported(ix, st.host(), "host", sclass, v -> v.hosts(), reporter)) {
                resolve(st.host(), ix.hosts(), "host", reporter);
            }
            if (sc.backend() instanceof StorageClass.Zfs zfs) zfs.hosts().forEach(h -> resolve(h, ix.hosts(), "host", reporter));
            if (sc.backend() instanceof StorageClass.CephFs fs) {
                resolve(fs.filesystem(), byName(s.cephs().stream().flatMap(cb -> cb.filesystems().stream()).toList()), "Ceph filesystem", reporter);
            }
            if (sc.backend() instanceof StorageClass.Bucket b) {
                resolve(b.store(), byName(s.cephs().stream().flatMap(cb -> cb.objectStores().stream()).toList()), "Ceph object store", reporter);
            }
            if (sc.backend() instanceof StorageClass.DemocraticCsi dc) {
                if (dc.export() != null) export(dc.export(), dc.device(), ix, reporter);
                else resolve(dc.device(), ix.devices(), "device", reporter);
            }
        }
        for (hlc.model.DnsProvider p : s.dnsProviders()) {
            if (p.target() != null && !ix.services().containsKey(p.target().text())
                    && !ix.devices().containsKey(p.target().text())) {
                Set<String> known = new HashSet<>(ix.services().keySet());
                known.addAll(ix.devices().keySet());
                missing(p.target(), "service or device", known, reporter);
            }
        }
        for (Service svc : s.services()) {
            for (SecretRef ref : svc.secrets()) vault(ref, ix, reporter);
        }
        for (Backup b : s.backups()) {
            if (b.secret() != null) vault(b.secret(), ix, reporter);
            if (b.target() != null && !ix.services().containsKey(b.target().text())
                    && !ix.devices().containsKey(b.target().text())) {
                Set<String> known = new HashSet<>(ix.services().keySet());
                known.addAll(ix.devices().keySet());
                missing(b.target(), "service or device", known, reporter);
            }
            if (b.source() instanceof Backup.Export e) export(e.export(), e.device(), ix, reporter);
            if (b.targetExport() != null && b.target() != null && ix.devices().containsKey(b.target().text())) {
                export(b.targetExport(), b.target(), ix, reporter);
            } else if (b.targetExport() != null && b.target() != null && ix.services().containsKey(b.target().text())) {
                reporter.error(Code.HL010, b.targetExport().span(), "`" + b.target() + "` is a service; only a device has exports")
                        .hint("write `to " + b.target() + "` alone, or name the NAS that holds the export").emit();
            }
            if (b.source() instanceof Backup.Mirror m) {
                Map<String, Backup> backups = new java.util.LinkedHashMap<>();
                s.backups().forEach(x -> backups.putIfAbsent(x.name().text(), x));
                resolve(m.backup(), backups, "backup", reporter);
            }
            for (Backup.ScheduleFor sf : b.schedulesFor()) {
                for (Name app : sf.apps()) {
                    // A backup is shared by the clusters: its schedule for another cluster's app is that cluster's.
                    if (!OtherCluster.elsewhere(ix, app, v -> v.apps())) resolve(app, ix.apps(), "app", reporter);
                }
            }
        }
        for (App a : s.apps()) {
            // Dependencies are resolved with their namespace by AppNamespaceCheck (HL010 and HL071).
            // A name declared here is the usual case: it is looked up before any message text is made.
            for (Name st : a.storage()) {
                if (ix.storageClasses().containsKey(st.text())) continue;
                if (!OtherCluster.reported(ix, st, "storage class", "app `" + a.name() + "`", v -> v.storageClasses(), reporter)) {
                    resolve(st, ix.storageClasses(), "storage class", reporter);
                }
            }
            for (Name u : a.uses()) resolve(u, ix.services(), "service", reporter);
            for (App.Route r : a.routes()) {
                if (r.via() == null || ix.loadBalancers().containsKey(r.via().text())) continue;
                if (!OtherCluster.reported(ix, r.via(), "load balancer", "app `" + a.name() + "`", v -> v.loadBalancers(), reporter)) {
                    resolve(r.via(), ix.loadBalancers(), "load balancer", reporter);
                }
            }
            for (App.Multus m : a.multus()) resolve(m.network(), ix.networks(), "network", reporter);
            for (App.NfsVolume v : a.nfsVolumes()) export(v.export(), v.device(), ix, reporter);
            for (App.Var v : a.vars()) {
                if (v.secret() != null) vault(v.secret(), ix, reporter);
            }
        }
    }

    private static Map<String, Ceph.Pool> byName(List<Ceph.Pool> items) {
        Map<String, Ceph.Pool> out = new java.util.LinkedHashMap<>();
        items.forEach(p -> out.putIfAbsent(p.name().text(), p));
        return out;
    }

    /** A gateway or DNS server given by name must name a device or host (whose address is then used). */
    private static void addressHolder(Target t, ResolvedSpec ix, Reporter reporter) {
        if (t.ref() == null) return;
        String n = t.ref().text();
        if (ix.devices().containsKey(n) || ix.hosts().containsKey(n)) return;
        Set<String> known = new HashSet<>(ix.devices().keySet());
        known.addAll(ix.hosts().keySet());
        missing(t.ref(), "device or host", known, reporter);
    }

    private static void export(Name export, Name device, ResolvedSpec ix, Reporter reporter) {
        Device d = ix.devices().get(device.text());
        if (d == null) {
            missing(device, "device", ix.devices().keySet(), reporter);
            return;
        }
        List<String> exports = d.exports().stream().map(e -> e.name().text()).toList();
        if (!exports.contains(export.text())) missing(export, "export of device `" + device + "`", exports, reporter);
    }

    private static void vault(SecretRef ref, ResolvedSpec ix, Reporter reporter) {
        Service v = ix.services().get(ref.vault().text());
        if (v == null) {
            missing(ref.vault(), "vault service", ix.services().keySet(), reporter);
        } else if (!isVault(v)) {
            reporter.error(Code.HL010, ref.vault().span(), "service `" + v.name() + "` is not a vault")
                    .label(v.name().span(), "declared here without `kind vault`")
                    .hint("secrets are read from a service of kind vault (e.g. akeyless, 1password, vault)").emit();
        }
    }

    /** A loop, not a stream: asked once per secret reference (a 10,000-host generated spec has tens of thousands). */
    private static boolean isVault(Service v) {
        for (Name k : v.kinds()) if (k.text().equals("vault")) return true;
        return false;
    }

    static void resolve(Name ref, Map<String, ?> known, String kind, Reporter reporter) {
        if (!known.containsKey(ref.text())) missing(ref, kind, known.keySet(), reporter);
    }

    static void missing(Name ref, String kind, Collection<String> known, Reporter reporter) {
        var d = reporter.error(Code.HL010, ref.span(), "there is no " + kind + " named `" + ref + "`");
        if (d.suggestClosest(ref.span(), ref.text(), known)) {
            // the suggestion says it all
        } else if (known.isEmpty()) d.hint("declare it first; this spec has no " + kind + " yet");
        else d.hint("declared: " + String.join(", ", known.stream().sorted().limit(8).toList())
                + (known.size() > 8 ? ", …" : ""));
        d.emit();
    }
}
