package hlc.gate;

import java.util.regex.Pattern;

/**
 * Tells a file that holds Talos secrets by what it says, not by its name or place, since a copy can be
 * anywhere in a repository: a machine config (its {@code machine:} section carries the machine token and the
 * OS CA key), a talosconfig (a client certificate and key per context) and a secrets bundle in the layout
 * {@code talosctl gen secrets} writes. A SOPS-encrypted file is none of them: encrypting it is how a
 * repository may keep it.
 */
public final class SecretContent {
    private static final Pattern SOPS = Pattern.compile("(?m)^sops:\\s*$");
    /**
     * A private key as Talos stores it: base64 of a PEM block, which always starts "LS0t" (base64 of "---"), so a
     * template or an example with placeholders is not taken for one.
     */
    private static final Pattern KEY = re("^\\s+key: \"?LS0t[A-Za-z0-9+/=]{20,}");
    private static final Pattern[] MACHINE_CONFIG = {re("^version: v1alpha1\\s*$"), re("^machine:\\s*$"), re("^cluster:\\s*$"), KEY};
    private static final Pattern[] TALOSCONFIG = {re("^context: "), re("^contexts:\\s*$"), re("^\\s+crt: \\S"), KEY};
    private static final Pattern[] BUNDLE = {re("^secrets:\\s*$"), re("^\\s+bootstraptoken: \\S"), re("^certs:\\s*$"), re("^trustdinfo:\\s*$"), KEY};

    private SecretContent() {}

    /** The start of every private key as Talos stores it (see {@link #KEY}), which each kind of secret holds. */
    static final String KEY_START_TEXT = "LS0t";
    private static final byte[] KEY_START = KEY_START_TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * False when the file cannot hold any of the secrets: it has no private key as Talos stores it. The gate reads
     * every tracked file of a repository (megabytes of them, nearly none a secret), so this cheap scan of the bytes
     * comes before decoding a file and running the patterns over it.
     */
    public static boolean mayHoldOne(byte[] bytes) {
        outer:
        for (int i = 0; i + KEY_START.length <= bytes.length; i++) {
            if (bytes[i] != KEY_START[0]) continue;
            for (int j = 1; j < KEY_START.length; j++) {
                if (bytes[i + j] != KEY_START[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /** What secret the text holds, in words ("a Talos machine config"), or null when it holds none of them. */
    public static String kindOf(String text) {
        if (!text.contains("LS0t")) return null; // every kind needs KEY
        if (SOPS.matcher(text).find() && text.contains("ENC[")) return null;
        if (matchesAll(text, MACHINE_CONFIG)) return "a Talos machine config (the cluster's CA keys and join tokens)";
        if (matchesAll(text, TALOSCONFIG)) return "a talosconfig (a client certificate and key with admin rights on the nodes)";
        if (matchesAll(text, BUNDLE)) return "a Talos secrets bundle (every key of the cluster)";
        return null;
    }

    private static boolean matchesAll(String text, Pattern[] patterns) {
        for (Pattern p : patterns) {
            if (!p.matcher(text).find()) return false;
        }
        return true;
    }

    private static Pattern re(String regex) {
        return Pattern.compile("(?m)" + regex);
    }
}
