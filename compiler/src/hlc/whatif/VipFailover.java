package hlc.whatif;

import hlc.model.Cluster;
import hlc.model.Host;
import hlc.model.Spec;

import java.util.Comparator;
import java.util.List;

/**
 * Where the control-plane VIP goes. Talos lets every control plane with an interface on the VIP's network
 * campaign for it, and runs that election in etcd: without etcd quorum no node can win (or keep) the VIP, even
 * when eligible nodes survive ("the virtual IP election depends on etcd being up", Talos docs, Virtual IP).
 * Which eligible node wins is up to the election; the report names the first by name so output is stable.
 */
public final class VipFailover {
    private final Spec spec;

    public VipFailover(Spec spec) {
        this.spec = spec;
    }

    public enum Outcome {
        /** The spec declares no VIP. */
        NONE,
        /** No control plane failed: the VIP stays where it is. */
        STAYS,
        /** A control plane failed and an eligible one survives with etcd at quorum. */
        MOVES,
        /** Eligible control planes survive, but etcd has no quorum to elect one. */
        LOST_NO_QUORUM,
        /** No surviving control plane has an interface on the VIP's network. */
        LOST_NO_NODE
    }

    /** {@code to} is the node named as the new holder (for MOVES), {@code eligible} every surviving candidate. */
    public record Result(String address, String network, Outcome outcome, String to, List<String> eligible) {}

    public Result analyse(Scenario s, EtcdQuorum.Result etcd) {
        Cluster c = spec.cluster();
        if (c == null || c.vip() == null) return new Result(null, null, Outcome.NONE, null, List.of());
        String net = c.vip().network().text();
        String address = c.vip().address().text();
        List<Host> cps = spec.hosts().stream().filter(Host::isControlPlane).toList();
        List<String> eligible = cps.stream()
                .filter(h -> !s.isDown(h) && onNetwork(h, net))
                .map(h -> h.name().text())
                .sorted(Comparator.naturalOrder())
                .toList();
        Outcome outcome;
        if (cps.stream().noneMatch(s::isDown)) outcome = Outcome.STAYS;
        else if (eligible.isEmpty()) outcome = Outcome.LOST_NO_NODE;
        else if (!etcd.atQuorum()) outcome = Outcome.LOST_NO_QUORUM;
        else outcome = Outcome.MOVES;
        return new Result(address, net, outcome, outcome == Outcome.MOVES ? eligible.get(0) : null, eligible);
    }

    private static boolean onNetwork(Host h, String net) {
        return h.interfaces().stream().anyMatch(i -> i.network() != null && i.network().text().equals(net));
    }
}
