package hlc.emit.rook;

import java.util.List;

/**
 * A host's {@code osd} selectors in the forms Rook takes: a plain device path goes in {@code devices}; a by-id
 * glob ({@code /dev/disk/by-id/ata-SAMSUNG*}) has no Rook form of its own and becomes a {@code devicePathFilter},
 * a regular expression that Rook matches against every path of each disk (its /dev/disk/by-* links included).
 */
final class DeviceSelectors {
    private DeviceSelectors() {}

    static boolean isGlob(String selector) {
        return selector.indexOf('*') >= 0 || selector.indexOf('?') >= 0;
    }

    /** One anchored regular expression that matches exactly the paths any of the selectors match. */
    static String pathFilter(List<String> selectors) {
        List<String> parts = selectors.stream().map(DeviceSelectors::regex).toList();
        return parts.size() == 1 ? "^" + parts.get(0) + "$" : "^(" + String.join("|", parts) + ")$";
    }

    /** A glob as a regular expression: {@code *} is any run of characters but {@code /}, {@code ?} one of them. */
    static String regex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> b.append("[^/]*");
                case '?' -> b.append("[^/]");
                default -> {
                    if ("\\.[]{}()+^$|".indexOf(ch) >= 0) b.append('\\');
                    b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
