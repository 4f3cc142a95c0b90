package hlc.graph;

/**
 * Label text made printable before either writer escapes it: control characters (newlines and tabs from
 * {@code \n} and {@code \t} in spec strings, U+2028/2029) become spaces, since a line break inside a label would
 * end a Mermaid statement; an unpaired surrogate becomes U+FFFD, since it cannot be written as UTF-8.
 */
final class Plain {
    private Plain() {}

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
