package hlc.adopt;

import java.util.regex.Pattern;

/**
 * What a secret looks like, by the same rules as HL095 ({@code check/SecretLiteralCheck}): the import replaces
 * such a value by a vault reference before the spec is written, so an imported spec never holds one.
 */
final class SecretShapes {
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)(PASSWORD|PASSWD|SECRET|TOKEN|API[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIAL)"
                    + "|(^|[_-])(PASS|KEY|AUTH)([_-]|$)|(?-i:[a-z](Pass|Key|Auth)$)");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bAKIA[0-9A-Z]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{30,}|github_pat_\\w{20,}"
                    + "|\\bxox[abpr]-[A-Za-z0-9-]{10,}|\\bsk-[A-Za-z0-9]{20,}|[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");

    private SecretShapes() {}

    static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    static boolean secretValue(String value) {
        return SECRET_VALUE.matcher(value).find();
    }

    /** A secret-manager reference ({@code ak://…}, {@code op://…}): a pointer to a secret, not one. */
    static boolean vaultReference(String value) {
        return value.startsWith("ak://") || value.startsWith("op://");
    }
}
