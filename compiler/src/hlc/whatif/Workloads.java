package hlc.whatif;

import hlc.model.Host;
import hlc.model.Spec;

/**
 * Which nodes run application pods: the same rule the Talos configs follow (allowSchedulingOnControlPlanes),
 * as the spec's `control-plane-workloads` says, or else control planes only when there is no worker. Where
 * control planes run no pods, their failure moves no pods and strands no node-local data.
 */
final class Workloads {
    private Workloads() {}

    static boolean runsOn(Host host, Spec spec) {
        if (!host.isControlPlane()) return true;
        boolean hasWorkers = !spec.hosts().stream().allMatch(Host::isControlPlane);
        return spec.cluster() == null ? !hasWorkers : spec.cluster().workloadsOnControlPlanes(hasWorkers);
    }
}
