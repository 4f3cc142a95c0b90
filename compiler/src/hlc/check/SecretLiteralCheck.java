package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Located;
import hlc.model.Service;
import hlc.resolve.ResolvedSpec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * HL095: a secret is never written into the spec, which is committed to git. A variable whose name says it is
 * secret (PASSWORD, TOKEN, KEY, SECRET…) must reference the vault; so must any value that looks like a
 * credential by its shape, whatever the variable is called (a private key, a cloud access key, a JWT, a GitHub
 * or Slack token, a URL with a password in it, a long random token).
 */
public final class SecretLiteralCheck implements Check {
    /**
     * The regexes, compiled on first use: most specs have no value that passes the cheap tests before them
     * ({@link #mayBeSecretName}, {@link #mayBeCredential}), and a start of hlc then compiles neither.
     */
    static final class Patterns { // package-private: CheapScansTest holds the cheap tests to them
        // Words that make a name secret wherever they stand (dbPassword, ADMINPASSWORD), and short ones that must
        // stand alone (KEY, PASS, AUTH) so that MONKEY or PASSTHROUGH are not flagged.
        static final Pattern SECRET_NAME = Pattern.compile(
                "(?i)(PASSWORD|PASSWD|SECRET|TOKEN|API[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIAL)"
                        + "|(^|[_-])(PASS|KEY|AUTH)([_-]|$)|(?-i:[a-z](Pass|Key|Auth)$)");
        static final Pattern SECRET_VALUE = Pattern.compile(
                "-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bAKIA[0-9A-Z]{16}\\b|\\bgh[pousr]_[A-Za-z0-9]{30,}|github_pat_\\w{20,}"
                        + "|\\bxox[abpr]-[A-Za-z0-9-]{10,}|\\bsk-[A-Za-z0-9]{20,}|[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"
                        // a JSON Web Token: base64url of `{"…` (eyJ), then the payload and the signature
                        + "|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
                        // AWS temporary (ASIA) keys, GitHub fine-grained and OAuth tokens, Cloudflare origin CA keys
                        + "|\\bASIA[0-9A-Z]{16}\\b|\\bv1\\.0-[0-9a-f]{24}-[0-9a-f]{100,}");
    }

    /**
     * Words every alternative of {@code SECRET_NAME} contains, ignoring case: a name with none of them cannot
     * match, and most names are tested without the regex (a 10,000-host generated spec has 50,000 variables).
     */
    private static final String[] NAME_WORDS = {"PASS", "SECRET", "TOKEN", "KEY", "CREDENTIAL", "AUTH"};
    /**
     * Text every alternative of {@code SECRET_VALUE} but the URL's contains (it is case-sensitive), for the same
     * reason; a URL with a password has an {@code @} after its {@code ://}, which plain URLs (every spec's Flux
     * repository) do not.
     */
    private static final String[] VALUE_MARKS = {"-----BEGIN ", "AKIA", "gh", "github_pat_", "xox", "sk-", "eyJ",
            "ASIA", "v1.0-"};
    /**
     * A word that could be a generated token (API keys, Cloudflare API tokens, AWS secret keys): 32 or more
     * letters, digits and {@code _ - + =} (found by {@link #hasRandomToken} without a regex), upper case, lower
     * case and digits mixed, and more random than any hex digest (over 4.3 bits per character; hex has at most 4).
     * Paths, URLs and names have separators or too few distinct characters to pass.
     */
    private static final int TOKEN_LENGTH = 32;

    @Override
    public List<Code> codes() {
        return List.of(Code.HL095);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (App a : ix.spec().apps()) {
            for (App.Var v : a.vars()) {
                if (v.literal() == null) continue;
                if (mayBeSecretName(v.name().text()) && Patterns.SECRET_NAME.matcher(v.name().text()).find()) {
                    reporter.error(Code.HL095, v.literal().span(), "variable `" + v.name() + "` of app `" + a.name()
                                    + "` looks secret but its value is written in the spec")
                            .hint("reference the vault instead: `var " + v.name() + " secret \"<key>\" from <vault>`")
                            .sensitive().emit();
                } else {
                    value(v.literal(), "variable `" + v.name() + "`", reporter);
                }
            }
        }
        for (Service s : ix.spec().services()) {
            if (s.endpoint() != null) value(s.endpoint(), "the endpoint of service `" + s.name() + "`", reporter);
        }
        var c = ix.spec().cluster();
        if (c != null && c.flux() != null && c.flux().repository() != null) {
            value(c.flux().repository(), "the Flux repository URL", reporter);
        }
        for (var d : ix.spec().devices()) {
            if (d.controller() != null) value(d.controller(), "the controller URL of device `" + d.name() + "`", reporter);
            for (var e : d.exports()) value(e.path(), "export `" + e.name() + "` of device `" + d.name() + "`", reporter);
        }
        for (App a : ix.spec().apps()) {
            if (a.path() != null) value(a.path(), "the path of app `" + a.name() + "`", reporter);
        }
    }

    private static void value(Located<String> v, String what, Reporter reporter) {
        if (v != null && ((mayBeCredential(v.value()) && Patterns.SECRET_VALUE.matcher(v.value()).find())
                || hasRandomToken(v.value()))) {
            // Say what it looks like, never echo the value: diagnostics end up in CI logs.
            reporter.error(Code.HL095, v.span(), what + " contains what looks like a credential")
                    .hint("move it to the vault and reference it with `secret \"<key>\" from <vault>`").sensitive().emit();
        }
    }

    static boolean mayBeSecretName(String name) {
        for (String w : NAME_WORDS) {
            for (int i = 0; i + w.length() <= name.length(); i++) {
                if (name.regionMatches(true, i, w, 0, w.length())) return true;
            }
        }
        return false;
    }

    static boolean mayBeCredential(String value) {
        for (String m : VALUE_MARKS) if (value.contains(m)) return true;
        int scheme = value.indexOf("://");
        return scheme >= 0 && value.indexOf('@', scheme) >= 0;
    }

    /** Each longest run of {@code [A-Za-z0-9_+=-]} of {@link #TOKEN_LENGTH} or more characters, as a regex would find them. */
    static boolean hasRandomToken(String value) {
        int n = value.length();
        for (int i = 0; i < n; ) {
            if (!tokenChar(value.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && tokenChar(value.charAt(end))) end++;
            if (end - i >= TOKEN_LENGTH) {
                String w = value.substring(i, end);
                boolean mixed = w.chars().anyMatch(Character::isUpperCase) && w.chars().anyMatch(Character::isLowerCase)
                        && w.chars().anyMatch(Character::isDigit);
                if (mixed && bitsPerChar(w) > 4.3) return true;
            }
            i = end;
        }
        return false;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '=' || c == '-';
    }

    /** Shannon entropy of the word's characters. */
    private static double bitsPerChar(String w) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        w.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int n : counts.values()) {
            double p = (double) n / w.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
