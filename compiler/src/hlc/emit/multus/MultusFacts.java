package hlc.emit.multus;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Device;
import hlc.model.Host;
import hlc.model.Ip;
import hlc.model.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spec's Multus attachments, read from the model in one place: per app and network, the pod's static
 * address with the network's prefix length, the gateway, the host link the macvlan sits on, and whether routes
 * to public ranges go through that gateway ({@code multus ADDRESS on NETWORK via GATEWAY}).
 */
record MultusFacts(String app, String namespace, String network, String attachment, String master, String address,
                   String gateway, boolean publicRoutes) {

    /** The attachment's name, which is also the value the app's Kustomization substitutes. */
    static String attachmentName(String app, String network) {
        return app + "-" + network;
    }

    /** The Flux variable that names the attachment of an app on one network: {@code MULTUS_IOT}. */
    static String variable(String network) {
        return "MULTUS_" + network.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    static List<MultusFacts> of(ResolvedSpec ix) {
        List<MultusFacts> out = new ArrayList<>();
        for (App a : ix.spec().apps()) {
            if (a.namespace() == null) continue;
            for (App.Multus m : a.multus()) {
                Network n = ix.networks().get(m.network().text());
                String master = n == null ? null : hostLink(ix, n);
                if (n == null || n.cidr() == null || master == null) continue; // HL010 / no host link: nothing to attach to
                String gateway = m.via() != null ? m.via().text() : gatewayOf(ix, n);
                out.add(new MultusFacts(a.name().text(), a.namespace().text(), n.name().text(),
                        attachmentName(a.name().text(), n.name().text()), master,
                        m.address().text() + "/" + n.cidr().block().getNetworkPrefixLength(), gateway, m.via() != null));
            }
        }
        out.sort(Comparator.comparing(MultusFacts::namespace).thenComparing(MultusFacts::attachment));
        return out;
    }

    /** The link the hosts have on the network (the most common name, ties by name): the macvlan's master. */
    private static String hostLink(ResolvedSpec ix, Network n) {
        Map<String, Integer> count = new TreeMap<>();
        for (Host h : ix.spec().hosts()) {
            for (Host.Interface i : h.interfaces()) {
                if (i.network() != null && i.network().text().equals(n.name().text())) count.merge(i.name().text(), 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The network's gateway as an address: written, or the named device's address on that network. */
    private static String gatewayOf(ResolvedSpec ix, Network n) {
        if (n.gateway() == null) return null;
        if (n.gateway().address() != null) return n.gateway().address().text();
        Device d = ix.devices().get(n.gateway().ref().text());
        if (d == null) return null;
        for (Device.Address a : d.addresses()) {
            Ip ip = a.address();
            if (n.cidr().contains(ip)) return ip.text();
        }
        return null;
    }
}
