package hlc.parse;

/** String literals as the grammar writes them: double quotes, backslash escapes. */
public final class Strings {
    private Strings() {}

    public static String unquote(String literal) {
        if (literal.length() < 2) return "";
        String body = literal.substring(1, literal.length() - 1);
        if (body.indexOf('\\') < 0) return body;
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(n);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
