package hlc.whatif;

import hlc.model.Host;
import hlc.model.Spec;

import java.util.List;

/**
 * etcd runs on every control plane (Talos puts a member on each) and needs a majority of all members, failed
 * ones included, to commit anything: the Kubernetes API writes nothing without it, and its default (quorum)
 * reads fail too. So 3 members survive 1 failure, 5 survive 2.
 */
public final class EtcdQuorum {
    private final Spec spec;

    public EtcdQuorum(Spec spec) {
        this.spec = spec;
    }

    /** Members, the members left, the majority needed, and the control planes that are down. */
    public record Result(int members, int left, int quorum, List<String> down) {
        public boolean atQuorum() {
            return members > 0 && left >= quorum;
        }
    }

    public Result analyse(Scenario s) {
        List<Host> cps = spec.hosts().stream().filter(Host::isControlPlane).toList();
        List<String> down = cps.stream().filter(s::isDown).map(h -> h.name().text()).toList();
        return new Result(cps.size(), cps.size() - down.size(), cps.size() / 2 + 1, down);
    }
}
