package hlc.lsp;

import hlc.diag.Span;
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
import org.eclipse.lsp4j.Position;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every named thing of a spec (networks, hosts, devices, exports, pools, storage classes, services, backups,
 * apps, load balancers) and every place that names one, across the files of the spec. References resolve the
 * way the checks resolve them ({@code ReferenceCheck}, {@code AppNamespaceCheck}): a gateway by device then
 * host, an export within its device, an app dependency within its namespace unless one is written. A reference
 * to nothing is not recorded (the checks report it).
 */
final class SymbolIndex {
    enum Kind {
        NETWORK("network"), HOST("host"), DEVICE("device"), EXPORT("export"), POOL("Ceph pool"),
        STORAGE_CLASS("storage class"), SERVICE("service"), BACKUP("backup"), APP("app"), LOAD_BALANCER("load balancer");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * A declaration. {@code scope} is what its name is unique within: the device of an export, the namespace
     * of an app, empty otherwise. {@code declaration} is the model object, for hover.
     */
    record Symbol(Kind kind, String scope, Name name, Object declaration) {
        String text() {
            return name.text();
        }
    }

    /** One place a symbol is named: its declaration or a reference. */
    record Occurrence(Symbol symbol, Span span, boolean isDeclaration) {}

    private final List<Symbol> symbols = new ArrayList<>();
    private final List<Occurrence> occurrences = new ArrayList<>();
    private final Map<String, Symbol> byKey = new LinkedHashMap<>();

    static SymbolIndex of(Spec spec) {
        SymbolIndex ix = new SymbolIndex();
        if (spec != null) {
            ix.declare(spec);
            ix.reference(spec);
        }
        return ix;
    }

    List<Symbol> symbols() {
        return symbols;
    }

    List<Symbol> symbols(Kind kind) {
        return symbols.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The occurrence under a cursor in a file, or null. */
    Occurrence at(Path file, Position p) {
        for (Occurrence o : occurrences) {
            if (o.span().file().path().equals(file) && Positions.contains(o.span(), p)) return o;
        }
        return null;
    }

    /** The declaration and every reference of a symbol, declaration first. */
    List<Occurrence> occurrencesOf(Symbol s) {
        return occurrences.stream().filter(o -> o.symbol() == s).sorted((a, b) -> Boolean.compare(b.isDeclaration(), a.isDeclaration())).toList();
    }

    Symbol find(Kind kind, String scope, String name) {
        return byKey.get(key(kind, scope, name));
    }

    // ------------------------------------------------------------------ declarations

    private void declare(Spec s) {
        s.networks().forEach(n -> add(Kind.NETWORK, "", n.name(), n));
        s.hosts().forEach(h -> add(Kind.HOST, "", h.name(), h));
        for (Device d : s.devices()) {
            add(Kind.DEVICE, "", d.name(), d);
            for (Device.Export e : d.exports()) add(Kind.EXPORT, d.name().text(), e.name(), e);
        }
        s.pools().forEach(p -> add(Kind.POOL, "", p.name(), p));
        s.storageClasses().forEach(c -> add(Kind.STORAGE_CLASS, "", c.name(), c));
        s.services().forEach(v -> add(Kind.SERVICE, "", v.name(), v));
        s.backups().forEach(b -> add(Kind.BACKUP, "", b.name(), b));
        s.apps().forEach(a -> add(Kind.APP, a.namespace() == null ? "" : a.namespace().text(), a.name(), a));
        // every cluster's: a spec may have several, each with its own load balancers
        s.clusters().forEach(c -> c.loadBalancers().forEach(lb -> add(Kind.LOAD_BALANCER, "", lb.name(), lb)));
    }

    private void add(Kind kind, String scope, Name name, Object declaration) {
        if (name == null) return;
        String key = key(kind, scope, name.text());
        if (byKey.containsKey(key)) return; // a duplicate: the first declaration wins, as in the checks (HL011 says so)
        Symbol sym = new Symbol(kind, scope, name, declaration);
        symbols.add(sym);
        byKey.put(key, sym);
        occurrences.add(new Occurrence(sym, name.span(), true));
    }

    private static String key(Kind kind, String scope, String name) {
        return kind + "\0" + scope + "\0" + name;
    }

    // ------------------------------------------------------------------ references

    private void reference(Spec s) {
        for (Network n : s.networks()) {
            holder(n.gateway());
            n.dns().forEach(this::holder);
        }
        for (Cluster c : s.clusters()) {
            if (c.vip() != null) use(Kind.NETWORK, "", c.vip().network());
            c.loadBalancers().forEach(lb -> use(Kind.NETWORK, "", lb.network()));
            use(Kind.NETWORK, "", c.nodeNetwork());
            if (c.bgp() != null) c.bgp().peers().forEach(p -> {
                holder(p.address());
                use(Kind.NETWORK, "", p.via());
            });
        }
        for (Host h : s.hosts()) h.interfaces().forEach(i -> use(Kind.NETWORK, "", i.network()));
        for (Device d : s.devices()) d.addresses().forEach(a -> use(Kind.NETWORK, "", a.network()));
        for (Ceph ceph : s.cephs()) {
            use(Kind.NETWORK, "", ceph.publicNetwork());
            use(Kind.NETWORK, "", ceph.clusterNetwork());
        }
        for (StorageClass sc : s.storageClasses()) {
            if (sc.backend() instanceof StorageClass.CephPool p) use(Kind.POOL, "", p.pool());
            if (sc.backend() instanceof StorageClass.Nfs nfs) export(nfs.export(), nfs.device());
            if (sc.backend() instanceof StorageClass.Static st) use(Kind.HOST, "", st.host());
        }
        for (hlc.model.DnsProvider p : s.dnsProviders()) serviceOrDevice(p.target());
        for (Service svc : s.services()) svc.secrets().forEach(this::vault);
        for (Backup b : s.backups()) {
            serviceOrDevice(b.target());
            if (b.targetExport() != null && b.target() != null) export(b.targetExport(), b.target());
            if (b.source() instanceof Backup.Export e) export(e.export(), e.device());
            if (b.source() instanceof Backup.Mirror m) use(Kind.BACKUP, "", m.backup());
            for (Backup.ScheduleFor sf : b.schedulesFor()) sf.apps().forEach(a -> app(a, null, null));
        }
        for (App a : s.apps()) {
            String ns = a.namespace() == null ? null : a.namespace().text();
            for (App.Dependency d : a.dependencies()) app(d.app(), d.namespace() == null ? null : d.namespace().text(), ns);
            a.storage().forEach(n -> use(Kind.STORAGE_CLASS, "", n));
            a.uses().forEach(n -> use(Kind.SERVICE, "", n));
            for (App.Route r : a.routes()) use(Kind.LOAD_BALANCER, "", r.via());
            for (App.Multus m : a.multus()) use(Kind.NETWORK, "", m.network());
            for (App.Var v : a.vars()) vault(v.secret());
        }
    }

    private void use(Kind kind, String scope, Name ref) {
        if (ref == null) return;
        Symbol sym = find(kind, scope, ref.text());
        if (sym != null) occurrences.add(new Occurrence(sym, ref.span(), false));
    }

    /** A gateway, DNS server or BGP peer by name: a device, else a host (as ReferenceCheck resolves it). */
    private void holder(Target t) {
        if (t == null || t.ref() == null) return;
        use(find(Kind.DEVICE, "", t.ref().text()) != null ? Kind.DEVICE : Kind.HOST, "", t.ref());
    }

    private void serviceOrDevice(Name ref) {
        if (ref == null) return;
        use(find(Kind.SERVICE, "", ref.text()) != null ? Kind.SERVICE : Kind.DEVICE, "", ref);
    }

    private void export(Name export, Name device) {
        if (device == null) return;
        use(Kind.DEVICE, "", device);
        use(Kind.EXPORT, device.text(), export);
    }

    private void vault(SecretRef ref) {
        if (ref != null) use(Kind.SERVICE, "", ref.vault());
    }

    /**
     * An app by name: in the namespace written after {@code @}, else the referring app's own namespace, else the
     * only app of that name anywhere (a bare name in the flat layout, or a backup's {@code for} list).
     */
    private void app(Name ref, String writtenNamespace, String ownNamespace) {
        if (ref == null) return;
        Symbol sym = null;
        if (writtenNamespace != null) sym = find(Kind.APP, writtenNamespace, ref.text());
        else if (ownNamespace != null) sym = find(Kind.APP, ownNamespace, ref.text());
        if (sym == null && writtenNamespace == null) {
            List<Symbol> named = symbols.stream().filter(x -> x.kind() == Kind.APP && x.text().equals(ref.text())).toList();
            if (named.size() == 1) sym = named.get(0);
        }
        if (sym != null) occurrences.add(new Occurrence(sym, ref.span(), false));
    }
}
