package hlc.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits spec text into its top-level blocks ({@code host k8s-1 { … }}), so a test can reorder them. Braces are
 * counted outside strings and comments; text between blocks (comments, blank lines) is dropped.
 */
final class SpecBlocks {
    private SpecBlocks() {}

    static List<String> split(String text) {
        List<String> blocks = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                for (i++; text.charAt(i) != '"'; i++) if (text.charAt(i) == '\\') i++;
            } else if (c == '#' || (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                while (i < text.length() && text.charAt(i) != '\n') i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (--depth == 0) {
                    blocks.add(text.substring(start, i + 1));
                    start = -1;
                }
            } else if (depth == 0 && start < 0 && !Character.isWhitespace(c)) {
                start = i;
            }
        }
        return blocks;
    }
}
