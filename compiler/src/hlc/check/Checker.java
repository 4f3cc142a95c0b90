package hlc.check;

import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * Runs every check on a model. The order only decides the order of findings before they are sorted. A spec with
 * several clusters is checked cluster by cluster (each view is a one-cluster spec to the checks), then as a
 * whole: names are unique across the spec, and {@link #ACROSS} compares the clusters with each other.
 */
public final class Checker {
    public static final List<Check> ALL = List.of(
            new DuplicateNameCheck(),
            new ReferenceCheck(),
            new CidrOverlapCheck(),
            new AddressPlacementCheck(),
            new GatewayCheck(),
            new AddressUniquenessCheck(),
            new VipCheck(),
            new CephReplicaCheck(),
            new CephNetworkCheck(),
            new CephOsdCheck(),
            new DefaultStorageClassCheck(),
            new StorageBackendCheck(),
            new ControlPlaneCountCheck(),
            new AppDependencyCycleCheck(),
            new DnsNameCheck(),
            new PublicNameCheck(),
            new KubernetesNameCheck(),
            new OutputNameCheck(),
            new VlanCheck(),
            new VlanInterfaceCheck(),
            new LoadBalancerPoolCheck(),
            new BgpCheck(),
            new EndpointCheck(),
            new NodeLabelCheck(),
            new AppNamespaceCheck(),
            new VolumeBoundsCheck(),
            new SecretLiteralCheck(),
            new TalosFormCheck(),
            new TalosNodeCheck(),
            new TalosPatchCheck(),
            new DiskEncryptionCheck(),
            new FluxKustomizationCheck(),
            new FluxRootCheck());

    /** The checks of the whole spec that no one cluster's view can see: membership, and one cluster against another. */
    public static final List<Check> ACROSS = List.of(new ClusterMembershipCheck(), new CrossClusterCheck());

    private Checker() {}

    public static void check(ResolvedSpec spec, Reporter reporter) {
        if (spec.perCluster().size() == 1 && spec.perCluster().get(0) == spec) {
            for (Check c : ALL) c.run(spec, reporter);
        } else {
            for (ResolvedSpec view : spec.perCluster()) {
                Reporter one = new Reporter();
                for (Check c : ALL) c.run(view, one);
                reporter.addNew(one);
            }
            Reporter whole = new Reporter();
            new DuplicateNameCheck().run(spec, whole);
            reporter.addNew(whole);
        }
        for (Check c : ACROSS) c.run(spec, reporter);
    }
}
