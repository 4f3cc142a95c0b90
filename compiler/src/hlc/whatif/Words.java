package hlc.whatif;

import java.util.List;

/** Small English helpers shared by the text renderers. */
final class Words {
    private Words() {}

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** "a", "a or b", "a, b or c". */
    static String or(List<String> items) {
        if (items.size() <= 1) return and(items);
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
