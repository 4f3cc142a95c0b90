package hlc.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Node and group ids that are safe in Mermaid and DOT whatever the spec calls things. An id is a fixed kind
 * prefix ({@code host_}, {@code net_}…) and the name with every run of characters outside {@code [A-Za-z0-9]}
 * turned into one {@code _}: the prefix keeps ids away from Mermaid's keywords ({@code end}, {@code graph}, {@code style}…)
 * and from its {@code o}/{@code x} edge endings, and the character set needs no quoting anywhere.
 *
 * <p>Two names can map to one id ({@code a-b} and {@code a_b}); the later one gets {@code _2}, {@code _3}…. That
 * depends on the order of requests, which is why builders ask in sorted order. The same kind and name always get
 * the same id, so a reference can ask for an id before the node itself is added.
 */
final class Ids {
    private final Map<String, String> byKey = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    String of(String kind, String name) {
        return byKey.computeIfAbsent(kind + '\u0000' + name,
                k -> allocate(sanitize(name).isEmpty() ? kind : kind + "_" + sanitize(name)));
    }

    private String allocate(String base) {
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "_" + n;
        return id;
    }

    /** ASCII letters and digits kept, every run of anything else one {@code _}, none at either end. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (safe) out.append(c);
            else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') out.append('_');
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '_') out.setLength(out.length() - 1);
        return out.toString();
    }
}
