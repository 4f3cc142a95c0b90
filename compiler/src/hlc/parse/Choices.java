package hlc.parse;

import java.util.List;

/**
 * The fixed choices of the language's attributes, as the user spells them. The block builders accept only
 * these, and the language server offers them in completion.
 */
public final class Choices {
    public static final List<String> ROLES = List.of("controlplane", "worker");
    public static final List<String> CNIS = List.of("cilium", "calico", "flannel", "none");
    public static final List<String> DEVICE_KINDS = List.of("gateway", "nas", "switch", "access-point", "server", "other");
    public static final List<String> FAILURE_DOMAINS = List.of("host", "osd", "rack", "zone");
    public static final List<String> COMPRESSION_MODES = List.of("none", "passive", "aggressive", "force");
    public static final List<String> COMPRESSION_ALGORITHMS = List.of("zstd", "snappy", "zlib", "lz4");
    public static final List<String> FILESYSTEMS = List.of("ext4", "xfs");
    public static final List<String> RECLAIM = List.of("delete", "retain");
    public static final List<String> BOND_MODES = List.of("active-backup", "balance-rr", "balance-xor", "broadcast",
            "802.3ad", "balance-tlb", "balance-alb");
    /** Talos install.diskSelector types. */
    public static final List<String> DISK_TYPES = List.of("ssd", "hdd", "nvme", "sd");
    /** The kernel bonding driver's LACP rates and transmit hash policies, as Talos spells them. */
    public static final List<String> LACP_RATES = List.of("slow", "fast");
    public static final List<String> XMIT_HASH_POLICIES = List.of("layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4");
    public static final List<String> ARCHES = List.of("amd64", "arm64");
    public static final List<String> GPU_DRIVERS = List.of("i915", "xe", "nvidia", "amdgpu");
    public static final List<String> FLUX_LAYOUTS = List.of("flat", "namespaced");
    /** Flux's decryption providers (its Kustomization CRD's enum). */
    public static final List<String> DECRYPTION_PROVIDERS = List.of("sops");
    /** What an app's {@code substitute-from} names: a Secret or a ConfigMap. */
    public static final List<String> SUBSTITUTE_KINDS = List.of("secret", "configmap");
    public static final List<String> POOL_KINDS = List.of("loadbalancer");
    public static final List<String> ANNOUNCEMENTS = List.of("l2", "bgp");
    public static final List<String> DATA_LOCALITIES = List.of("disabled", "best-effort", "strict-local");
    public static final List<String> RECURRING_TASKS = List.of("snapshot", "backup");
    public static final List<String> DEMOCRATIC_CSI_KINDS = List.of("nfs", "iscsi");
    public static final List<String> BINDING_MODES = List.of("immediate", "wait-for-first-consumer");
    public static final List<String> DNS_POLICIES = List.of("sync", "upsert-only", "create-only");
    public static final List<String> SYSTEM_VOLUMES = List.of("EPHEMERAL", "IMAGECACHE");
    /** The Talos system volumes that take LUKS2 encryption. */
    public static final List<String> ENCRYPTED_VOLUMES = List.of("STATE", "EPHEMERAL");
    public static final List<String> SERVICE_KINDS = List.of("dns", "tunnel", "vault", "object-storage", "notifications",
            "email", "vpn", "identity", "monitoring", "vps", "other");

    private Choices() {
    }
}
