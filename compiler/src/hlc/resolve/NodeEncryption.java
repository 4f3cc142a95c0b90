package hlc.resolve;

import hlc.model.Cluster;
import hlc.model.DiskEncryption;
import hlc.model.Host;

import java.util.ArrayList;
import java.util.List;

/**
 * The system volumes a node encrypts, and with which key: for each of STATE and EPHEMERAL the host's own
 * {@code encrypt}, else its role's in the cluster, else the cluster's for every node. Worked out here once, so the
 * checks (HL125) and the Talos forms read the same answer.
 */
public final class NodeEncryption {
    /** Talos's volume names, in the order the configs list them. */
    private static final List<String> VOLUMES = List.of("STATE", "EPHEMERAL");

    private NodeEncryption() {}

    /** The node's encrypted volumes, STATE before EPHEMERAL; empty when it encrypts none. */
    public static List<DiskEncryption> of(Cluster cluster, Host host) {
        List<DiskEncryption> out = new ArrayList<>();
        String role = host.isControlPlane() ? "controlplane" : "worker";
        for (String volume : VOLUMES) {
            DiskEncryption chosen = find(host.encryptions(), volume, null);
            if (chosen == null && cluster != null) chosen = find(cluster.encryptions(), volume, role);
            if (chosen == null && cluster != null) chosen = find(cluster.encryptions(), volume, null);
            if (chosen != null) out.add(chosen);
        }
        return out;
    }

    private static DiskEncryption find(List<DiskEncryption> said, String volume, String role) {
        for (DiskEncryption e : said) {
            boolean roleMatches = role == null ? e.role() == null : e.role() != null && e.role().text().equals(role);
            if (roleMatches && e.volume().text().equals(volume)) return e;
        }
        return null;
    }
}
