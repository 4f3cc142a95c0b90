package hlc.whatif;

import hlc.model.Spec;
import hlc.resolve.ResolvedSpec;
import hlc.resolve.Resolver;

import java.util.List;

/**
 * Runs every analyser on a scenario. The spec must have checked clean: the analysers trust its invariants
 * (replicas placeable, min size at most replicas, every control plane on the VIP network) and answer only what
 * the spec says, nothing about the live cluster.
 */
public final class WhatIf {
    private final EtcdQuorum etcd;
    private final CephAvailability ceph;
    private final VipFailover vip;
    private final AppImpact apps;
    private final Capacity capacity;

    public WhatIf(Spec spec) {
        this(Resolver.resolve(spec));
    }

    /** The analysers read the resolved spec: the failure domains they count are the ones the checks counted. */
    public WhatIf(ResolvedSpec resolved) {
        Spec spec = resolved.spec();
        etcd = new EtcdQuorum(spec);
        ceph = new CephAvailability(resolved);
        vip = new VipFailover(spec);
        apps = new AppImpact(spec);
        capacity = new Capacity(spec);
    }

    public Report analyse(Scenario s) {
        EtcdQuorum.Result e = etcd.analyse(s);
        List<CephAvailability.Result> pools = ceph.analyse(s);
        return new Report(s, e, pools, vip.analyse(s, e), apps.analyse(s, pools), capacity.analyse(s, e));
    }

    public List<Report> analyse(List<Scenario> scenarios) {
        return scenarios.stream().map(this::analyse).toList();
    }
}
