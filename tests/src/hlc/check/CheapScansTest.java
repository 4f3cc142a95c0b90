package hlc.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks test names and values by scanning their characters where they used to run a regex (a 10,000-host
 * spec has tens of thousands of each). Each scan is held here to the regex it replaced, or, for the secret
 * checks' cheap tests before their regexes, to "the regex can only match where the cheap test says maybe":
 * a new alternative in a pattern without its word in the cheap test fails here, not silently in a user's spec.
 */
class CheapScansTest {
    /** Fragments the regexes care about, mixed with noise, so that random strings hit the interesting cases. */
    private static final String[] PARTS = {"a", "Z", "0", "9", "-", "_", ".", "+", "=", "/", ":", "@", " ", "*", "é",
            "pass", "PASS", "Pass", "key", "Key", "KEY", "auth", "Auth", "token", "secret", "credential", "API_KEY",
            "gh", "p_", "ghp_", "github_pat_", "xoxb-", "sk-", "://", "https://", "user:pw@", "eyJ", "AKIA", "ASIA",
            "v1.0-", "-----BEGIN ", "PRIVATE KEY-----", "abcdefghijklmnopqrstuvwxyz012345", "Q7xZ9kLm2Np4Rt6Vw8Yb1Cd3Fg5Hj0",
            "monkey", "passthrough", "dbPass", "x"};

    private static List<String> samples(long seed, int count) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(8);
            for (int j = 0; j < n; j++) b.append(PARTS[random.nextInt(PARTS.length)]);
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void aSecretNameAlwaysPassesTheCheapTest() {
        for (String name : samples(1, 200_000)) {
            if (SecretLiteralCheck.Patterns.SECRET_NAME.matcher(name).find()) {
                assertTrue(SecretLiteralCheck.mayBeSecretName(name), name);
            }
        }
        assertTrue(SecretLiteralCheck.Patterns.SECRET_NAME.matcher("ADMIN_PASSWORD").find());
        assertTrue(!SecretLiteralCheck.mayBeSecretName("PLEX_CLAIM_URL"));
    }

    @Test
    void aCredentialLikeValueAlwaysPassesTheCheapTest() {
        for (String value : samples(2, 200_000)) {
            if (SecretLiteralCheck.Patterns.SECRET_VALUE.matcher(value).find()) {
                assertTrue(SecretLiteralCheck.mayBeCredential(value), value);
            }
        }
        assertTrue(SecretLiteralCheck.Patterns.SECRET_VALUE.matcher("https://user:pw@example.com").find());
        assertTrue(!SecretLiteralCheck.mayBeCredential("/volume1/media"));
        assertTrue(!SecretLiteralCheck.mayBeCredential("https://github.com/example/home-ops"), "a plain URL");
    }

    @Test
    void randomTokensAreTheRunsTheRegexFinds() {
        Pattern tokenWord = Pattern.compile("[A-Za-z0-9_+=-]{32,}");
        int tokens = 0;
        for (String value : samples(3, 100_000)) {
            boolean byRegex = false;
            var m = tokenWord.matcher(value);
            while (m.find() && !byRegex) byRegex = looksRandom(m.group());
            assertEquals(byRegex, SecretLiteralCheck.hasRandomToken(value), value);
            if (byRegex) tokens++;
        }
        assertTrue(tokens > 0, "the samples have random tokens");
    }

    /** The test the check applies to a run, written out again: mixed case and digits, over 4.3 bits per character. */
    private static boolean looksRandom(String w) {
        boolean upper = false, lower = false, digit = false;
        int[] counts = new int[128];
        for (char c : w.toCharArray()) {
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
            counts[c]++;
        }
        double bits = 0;
        for (int n : counts) {
            if (n == 0) continue;
            double p = (double) n / w.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return upper && lower && digit && bits > 4.3;
    }

    /** What HL080 said of a name before the scan: split into labels, a regex per label. */
    private static String dnsProblemByRegex(String text) {
        if (text.length() > 253) return "is longer than 253 characters";
        String[] labels = text.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            if (l.equals("*") && i == 0 && labels.length > 1) continue;
            if (l.isEmpty()) return "has an empty label";
            if (l.length() > 63) return "has a label longer than 63 characters (`" + l.substring(0, 20) + "…`)";
            if (l.startsWith("-") || l.endsWith("-")) return "has a label that starts or ends with `-` (`" + l + "`)";
            if (!l.matches("[A-Za-z0-9-]+")) return "has a character DNS does not allow in label `" + l + "`";
        }
        return null;
    }

    @Test
    void dnsNamesGetTheProblemTheRegexesFound() {
        List<String> names = samples(5, 100_000);
        names.addAll(List.of("", ".", "*", "*.example.com", "a.*.com", "a..b", "x".repeat(64) + ".com", "a".repeat(254),
                "-a.com", "a-.com", "plex.example.com", "é.com"));
        for (String name : names) assertEquals(dnsProblemByRegex(name), DnsNameCheck.problem(name), name);
    }

    @Test
    void kubernetesLabelsAreWhatTheDns1123PatternMatches() {
        Pattern label = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
        List<String> names = samples(4, 100_000);
        names.addAll(List.of("", "a", "-", "a-", "-a", "a".repeat(63), "a".repeat(64), "k8s-1", "K8s_1"));
        for (String name : names) {
            assertEquals(label.matcher(name).matches(), KubernetesNameCheck.isLabel(name), name);
        }
    }
}
