package hlc.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A node's Talos configuration as facts, one line each ({@code k8s-1 link bond0 bond active-backup [net0]},
 * {@code k8s-1 label topology.kubernetes.io/zone=m}), the same way whichever form they were read from, so the
 * repository's configs and hlc's can be compared.
 */
final class NodeFacts {
    private NodeFacts() {}

    static TreeSet<String> of(String host, TalosNode n) {
        List<String> f = new ArrayList<>();
        f.add(host + " role " + n.role);
        if (n.installDisk != null) f.add(host + " install-disk " + n.installDisk);
        n.installDiskSelector.forEach((k, v) -> f.add(host + " install-disk-selector " + k + "=" + v));
        for (TalosNode.Link l : n.links.values()) {
            String k = host + " link " + l.name;
            f.add(k + " exists");
            for (String a : l.addresses) f.add(k + " address " + a);
            if (l.dhcp) f.add(k + " dhcp");
            if (l.mtu != null) f.add(k + " mtu " + l.mtu);
            if (l.driver != null) f.add(k + " driver " + l.driver);
            if (l.busPath != null) f.add(k + " bus-path " + l.busPath);
            for (TalosNode.Route r : l.routes) f.add(k + " route " + r.text());
            if (l.bondMode != null) f.add(k + " bond " + l.bondMode + " " + new TreeSet<>(l.bondLinks));
            if (l.vlanId != null) f.add(k + " vlan " + l.vlanId + " of " + l.parent);
        }
        n.labels.forEach((key, v) -> f.add(host + " label " + key + "=" + v));
        n.taints.forEach((key, v) -> f.add(host + " taint " + key + "=" + v));
        for (TalosNode.Volume v : n.volumes.values()) {
            String k = host + " volume " + v.name();
            if (v.disk() != null) f.add(k + " disk " + v.disk().replace('\'', '"'));
            if (v.minSize() != null) f.add(k + " min-size " + v.minSize());
            if (v.maxSize() != null) f.add(k + " max-size " + v.maxSize());
            if (v.grow()) f.add(k + " grow");
        }
        return new TreeSet<>(f);
    }
}
