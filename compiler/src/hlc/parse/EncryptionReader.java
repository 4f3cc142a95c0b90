package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.DiskEncryption;
import hlc.model.Located;
import hlc.model.Name;
import hlc.parse.gen.HomeLabParser.EncryptionKeyContext;
import hlc.parse.gen.HomeLabParser.KeyStaticContext;
import hlc.parse.gen.HomeLabParser.KeyTpmContext;
import hlc.parse.gen.HomeLabParser.NameContext;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An {@code encrypt} attribute: which system volume (STATE or EPHEMERAL, HL005 otherwise), and its key, sealed to
 * the TPM or a static passphrase named in the secrets bundle. One volume is encrypted once per block and role
 * (HL006): two keys for one volume would be two LUKS2 key slots hlc has no word for.
 */
final class EncryptionReader {
    /** A key of the bundle's {@code diskkeys} map: a plain YAML key, so the name in the spec is the name in the file. */
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Reporter reporter;
    private final Literals lit;

    EncryptionReader(Reporter reporter, Literals lit) {
        this.reporter = reporter;
        this.lit = lit;
    }

    /** The encryption, or null when it is malformed (reported). */
    DiskEncryption read(Name role, NameContext volumeCtx, EncryptionKeyContext keyCtx, Span at, List<DiskEncryption> earlier) {
        Name volume = lit.choice(volumeCtx, Choices.ENCRYPTED_VOLUMES, "Talos system volume that takes encryption");
        if (volume == null || keyCtx == null) return null;
        Located<String> key = null;
        if (keyCtx instanceof KeyStaticContext s) {
            key = lit.nonEmpty(s.STRING(), "disk key name");
            if (key == null) return null;
            if (!KEY_NAME.matcher(key.value()).matches()) {
                reporter.error(Code.HL004, key.span(), "`" + key.value() + "` is not a disk key name")
                        .hint("name the passphrase by its key in the secrets bundle's `diskkeys` map (letters, digits, `-`, `_`, `.`):"
                                + " the passphrase itself never goes in the spec").emit();
                return null;
            }
        } else if (!(keyCtx instanceof KeyTpmContext)) {
            return null;
        }
        for (DiskEncryption e : earlier) {
            boolean sameRole = e.role() == null ? role == null : role != null && e.role().text().equals(role.text());
            if (sameRole && e.volume().text().equals(volume.text())) {
                reporter.error(Code.HL006, at, "`encrypt " + (role == null ? "" : role.text() + " ") + volume.text() + "` is given twice")
                        .label(e.at(), "first given here").hint("keep one of the two: a volume has one key here").emit();
                return null;
            }
        }
        return new DiskEncryption(role, volume, key, at);
    }
}
