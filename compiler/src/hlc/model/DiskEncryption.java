package hlc.model;

import hlc.diag.Span;

/**
 * LUKS2 encryption of a Talos system volume ({@code STATE} or {@code EPHEMERAL}), as the spec says it: in the
 * cluster for every node or for one {@code role} (null: every node), or in a host for that node. {@code key} is
 * the name of a static passphrase in the secrets bundle's {@code diskkeys} map, or null for a key sealed to the
 * node's TPM. The passphrase itself never enters the model. {@code at} is the {@code encrypt} attribute.
 */
public record DiskEncryption(Name role, Name volume, Located<String> key, Span at) {
    /** True when the key is sealed to the TPM, false for a static passphrase from the bundle. */
    public boolean tpm() {
        return key == null;
    }
}
