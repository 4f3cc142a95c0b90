package hlc.whatif;

import java.util.List;

/** Everything one scenario does to the lab, one field per analyser. */
public record Report(Scenario scenario, EtcdQuorum.Result etcd, List<CephAvailability.Result> pools,
                     VipFailover.Result vip, List<AppImpact.Result> apps, Capacity.Result capacity) {

    public Report {
        pools = List.copyOf(pools);
        apps = List.copyOf(apps);
    }

    /** Apps whose volumes are gone or frozen for certain (a Ceph pool that is not writable). */
    public long appsWithoutStorage() {
        return apps.stream().filter(a -> a.cause() == AppImpact.Cause.STORAGE).count();
    }
}
