package hlc.check;

import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * Runs every check on a model. The order only decides the order of findings before they are sorted. A spec with
 * several clusters is checked cluster by cluster (each view is a one-cluster spec to the checks), then as a
 * whole: names are unique across the spec, and {@link #ACROSS} compares the clusters with each other.
 *
 * <p>On a large spec the checks of {@link #ALL} run on every core ({@link ChecksOnEveryCore}); their findings are put
 * together in the order of {@link #ALL}, so a parallel run reports the same list as a sequential one.
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
            runAll(spec, reporter, threadsFor(spec));
        } else {
            for (ResolvedSpec view : spec.perCluster()) {
                Reporter one = new Reporter();
                runAll(view, one, threadsFor(view));
                reporter.addNew(one);
            }
            Reporter whole = new Reporter();
            new DuplicateNameCheck().run(spec, whole);
            reporter.addNew(whole);
        }
        for (Check c : ACROSS) c.run(spec, reporter);
    }

    /**
     * Below this many hosts and apps the checks run on the calling thread: they take a few milliseconds, less
     * than starting threads would save (and {@code hlc check} of a homelab-sized spec starts no thread at all).
     * At 1,000 hosts they take about 100 ms.
     */
    static final int PARALLEL_MIN_BLOCKS = 200;

    /** One thread per core for a spec of at least {@link #PARALLEL_MIN_BLOCKS} hosts and apps, else one. */
    static int threadsFor(ResolvedSpec view) {
        int blocks = view.spec().hosts().size() + view.spec().apps().size();
        return blocks < PARALLEL_MIN_BLOCKS ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Every check of {@link #ALL} on {@code view}, on {@code threads} threads ({@link ChecksOnEveryCore}, with the
     * same findings in the same order), or one after another on the calling thread.
     */
    static void runAll(ResolvedSpec view, Reporter reporter, int threads) {
        if (threads > 1) {
            ChecksOnEveryCore.run(ALL, view, reporter, threads);
            return;
        }
        for (Check c : ALL) c.run(view, reporter);
    }
}
