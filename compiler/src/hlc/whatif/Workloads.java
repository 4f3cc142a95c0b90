package hlc.whatif;

import hlc.model.Host;
import hlc.model.Spec;

/**
 * Which nodes run application pods. The Talos configs hlc emits allow scheduling on control planes only when
 * the cluster has no workers (NodePlan), so with workers present a control plane's failure moves no pods and
 * strands no node-local data.
 */
final class Workloads {
    private Workloads() {}

    static boolean runsOn(Host host, Spec spec) {
        boolean noWorkers = spec.hosts().stream().allMatch(Host::isControlPlane);
        return noWorkers || !host.isControlPlane();
    }
}
