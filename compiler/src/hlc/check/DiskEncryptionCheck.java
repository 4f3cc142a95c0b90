package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.DiskEncryption;
import hlc.model.Host;
import hlc.resolve.NodeEncryption;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL125: a volume encrypted with a key sealed to the TPM on a node that cannot seal one. Talos seals a TPM key to
 * the SecureBoot state (PCR 7) and to the signed PCR 11 policy of its Unified Kernel Image, which only the
 * SecureBoot installer boots (Talos's SecureBoot and disk encryption guides, v1.5 onwards): a node without
 * {@code secure-boot} fails to enroll the key at its first boot, and a single-board computer ({@code overlay})
 * has no TPM and no UKI at all. Reported at the {@code encrypt} that applies to the node (the cluster's or the
 * host's), naming the node.
 */
public final class DiskEncryptionCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL125);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Host h : ix.spec().hosts()) {
            for (DiskEncryption e : NodeEncryption.of(ix.spec().cluster(), h)) {
                if (!e.tpm()) continue;
                String node = "host `" + h.name().text() + "`";
                if (h.overlay() != null) {
                    reporter.error(Code.HL125, e.at(), "`encrypt " + e.volume().text() + " tpm` applies to " + node
                                    + ", a single-board computer: it has no TPM to seal the key to")
                            .label(h.overlay().at(), "its board overlay")
                            .hint("give the board a static key from the secrets bundle (`encrypt " + e.volume().text()
                                    + " key \"NAME\"` in the host)").emit();
                } else if (!h.isSecureBoot()) {
                    reporter.error(Code.HL125, e.at(), "`encrypt " + e.volume().text() + " tpm` applies to " + node
                                    + ", which does not boot with SecureBoot: Talos seals a TPM key to the SecureBoot state"
                                    + " and the signed measurements of its UKI, so the key cannot be enrolled")
                            .label(h.name().span(), "no `secure-boot` here")
                            .hint("add `secure-boot` to the host (the Image Factory's SecureBoot installer), or use a static key"
                                    + " from the secrets bundle (`encrypt " + e.volume().text() + " key \"NAME\"`)").emit();
                }
            }
        }
    }
}
