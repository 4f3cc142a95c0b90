package hlc.secrets;

/**
 * The cluster's secrets in the layout of {@code talosctl gen secrets}: cluster id and secret, bootstrap and trustd
 * tokens, the secretbox key, and the CAs (etcd, Kubernetes, aggregator, Talos OS) and service-account key.
 * Certificates and keys are kept as the bundle stores them: base64 of PEM. {@code diskKeys} are the static LUKS2
 * passphrases of encrypted system volumes, by the names the spec gives them (a {@code diskkeys} map beside the
 * bundle's own sections); {@code standIn} marks {@link #placeholder()}.
 *
 * <p>{@link #toString()} never prints a value: a bundle may end up in an exception message or a log.
 */
public record SecretsBundle(String clusterId, String clusterSecret, String bootstrapToken,
                            String secretboxEncryptionSecret, String trustdToken,
                            KeyPair etcd, KeyPair k8s, KeyPair k8sAggregator, String k8sServiceAccountKey,
                            KeyPair os, java.util.Map<String, String> diskKeys, boolean standIn) {
    public SecretsBundle {
        diskKeys = java.util.Map.copyOf(diskKeys);
    }

    /** A bundle as {@code talosctl gen secrets} writes it: no disk keys. */
    public SecretsBundle(String clusterId, String clusterSecret, String bootstrapToken, String secretboxEncryptionSecret,
                         String trustdToken, KeyPair etcd, KeyPair k8s, KeyPair k8sAggregator, String k8sServiceAccountKey,
                         KeyPair os) {
        this(clusterId, clusterSecret, bootstrapToken, secretboxEncryptionSecret, trustdToken, etcd, k8s, k8sAggregator,
                k8sServiceAccountKey, os, java.util.Map.of(), false);
    }

    /**
     * The static LUKS2 passphrase the spec names ({@code encrypt STATE key "NAME"}), from the bundle's
     * {@code diskkeys} map; a stand-in of the right shape in the placeholder bundle; null when the bundle has none
     * of that name (the driver refuses to compile then, naming the key, never its value).
     */
    public String diskKey(String name) {
        if (standIn) return "placeholder-disk-passphrase";
        return diskKeys.get(name);
    }

    /** A CA certificate and its key, each base64-encoded PEM. */
    public record KeyPair(String crt, String key) {
        @Override
        public String toString() {
            return "KeyPair[redacted]";
        }
    }

    @Override
    public String toString() {
        return "SecretsBundle[redacted]";
    }

    /**
     * Stand-in values of the right shape, used to build and validate Talos configs when no bundle is given.
     * Configs built from it are never written.
     */
    public static SecretsBundle placeholder() {
        String b64 = "cGxhY2Vob2xkZXItbm90LWEtc2VjcmV0LXBsYWNlaG9sZGVyIQ==";
        KeyPair kp = new KeyPair(b64, b64);
        return new SecretsBundle(b64, b64, "aaaaaa.aaaaaaaaaaaaaaaa", b64, "bbbbbb.bbbbbbbbbbbbbbbb", kp, kp, kp, b64, kp,
                java.util.Map.of(), true);
    }
}
