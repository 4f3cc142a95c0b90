package hlc.diag;

import java.util.Collection;

/** "Did you mean …?": the closest known name by edit distance, when it is close enough to be a likely typo. */
public final class Suggest {
    private Suggest() {}

    public static String closest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, wrong.length() / 3));
        for (String k : known) {
            if (Math.abs(k.length() - wrong.length()) > limit) continue;
            int d = distance(wrong.toLowerCase(), k.toLowerCase(), limit);
            if (d <= limit && (d < bestDistance || (d == bestDistance && k.compareTo(best) < 0))) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** "did you mean `x`?" or null. */
    public static String didYouMean(String wrong, Collection<String> known) {
        String c = closest(wrong, known);
        return c == null ? null : "did you mean `" + c + "`?";
    }

    /** Levenshtein distance with an early exit once every path exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
