package hlc.check;

import hlc.diag.Reporter;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/** Runs every check on a model. The order only decides the order of findings before they are sorted. */
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
            new DefaultStorageClassCheck(),
            new ControlPlaneCountCheck(),
            new AppDependencyCycleCheck(),
            new DnsNameCheck(),
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
            new TalosPatchCheck());

    private Checker() {}

    public static void check(ResolvedSpec spec, Reporter reporter) {
        for (Check c : ALL) c.run(spec, reporter);
    }
}
