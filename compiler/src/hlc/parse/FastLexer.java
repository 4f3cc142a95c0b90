package hlc.parse;

import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * The token rules of grammar/HomeLab.g4 written out in Java: the same tokens as ANTLR's generated lexer
 * ({@code HomeLabLexer}), which stays the reference ({@code FastLexerTest} holds this one to it on every spec of
 * the repository and on generated text), for the parser that ANTLR generates. Why: ANTLR's lexer builds its
 * DFA while it lexes, from the grammar's ATN, afresh in every process; on a cold JVM that was about half of
 * reading a spec, 40–60 ms of `hlc check spec/homelab.hl` (its ATN is deserialised at class initialisation on
 * top), where this lexer is a few branches per character.
 *
 * <p>The rules are ANTLR's: at each position the longest text any rule matches is the token, and of the rules
 * matching that much, the one written first (the keywords and other literals of the parser rules come before the
 * named rules). Each named rule below is its regular expression, matched to its longest extent. Offsets are
 * code points, as ANTLR counts them: text holding a surrogate pair is left to ANTLR's lexer ({@link #handles}).
 */
final class FastLexer implements TokenSource {
    /** The literals of the parser rules spelled like a name (every keyword), by text, with their token types. */
    private static final java.util.Map<String, Integer> KEYWORDS = new java.util.HashMap<>();
    /** The other literals of the parser rules (none today), tried at every position that could start one. */
    private static final List<Literal> OTHER_LITERALS = new ArrayList<>();

    static {
        for (int type = 1; type < HomeLabParser.CIDR4; type++) {
            String quoted = HomeLabParser.VOCABULARY.getLiteralName(type);
            if (quoted == null || quoted.length() < 3) continue;
            String literal = quoted.substring(1, quoted.length() - 1);
            if (isName(literal)) KEYWORDS.put(literal, type);
            else OTHER_LITERALS.add(new Literal(literal, type));
        }
    }

    private record Literal(String text, int type) {}

    private final CharStream input;
    private final String text;
    private final Pair<TokenSource, CharStream> source;
    private TokenFactory<?> factory = CommonTokenFactory.DEFAULT;
    private int pos;
    private int line;
    private int column;

    /** Lexes {@code text} (what {@code input} holds) from offset {@code from}, which is at {@code line} and {@code column}. */
    FastLexer(CharStream input, String text, int from, int line, int column) {
        this.input = input;
        this.text = text;
        this.source = new Pair<>(this, input);
        this.pos = from;
        this.line = line;
        this.column = column;
    }

    /** True when this lexer gives ANTLR's tokens for {@code text}: when char offsets are code point offsets. */
    static boolean handles(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) return false;
        }
        return true;
    }

    @Override
    public Token nextToken() {
        int start = pos;
        if (start >= text.length()) {
            return factory.create(source, Token.EOF, null, Token.DEFAULT_CHANNEL, start, start - 1, line, column);
        }
        char c = text.charAt(start);
        int type = HomeLabParser.UNKNOWN_CHAR;
        int end = start;
        int e;
        for (Literal l : OTHER_LITERALS) {
            if (l.text.length() > end - start && text.startsWith(l.text, start)) { end = start + l.text.length(); type = l.type; }
        }
        // Only the rules that can start with this character are tried (the others match nothing here): white
        // space and comments, half of a spec's tokens, go straight to their rule.
        if (whiteSpaceChar(c)) {
            if ((e = whiteSpace(start)) > end) { end = e; type = HomeLabParser.WS; }
        } else if (c == '#' || c == '/') {
            if ((e = lineComment(start)) > end) { end = e; type = HomeLabParser.LINE_COMMENT; }
        } else if (c == '"') {
            if ((e = string(start)) > end) { end = e; type = HomeLabParser.STRING; }
            if ((e = textBlock(start)) > end) { end = e; type = HomeLabParser.TEXT_BLOCK; }
        } else if (letter(c) || digit(c) || c == '_' || c == ':' || c == '*') {
            // A keyword wins only when it is the whole name written here: a shorter one loses to IDENT's longer
            // match, and every keyword is made of a name's characters (checked when they are read).
            int name = ident(start);
            if (name > start) {
                Integer keyword = KEYWORDS.get(text.substring(start, name));
                if (keyword != null && name > end) { end = name; type = keyword; }
            }
            // The named rules in the grammar's order: a later one wins only with a longer match.
            if ((e = cidr4(start)) > end) { end = e; type = HomeLabParser.CIDR4; }
            if ((e = ipv4(start)) > end) { end = e; type = HomeLabParser.IPV4; }
            if ((e = cidr6(start)) > end) { end = e; type = HomeLabParser.CIDR6; }
            if ((e = ipv6(start)) > end) { end = e; type = HomeLabParser.IPV6; }
            if ((e = version(start)) > end) { end = e; type = HomeLabParser.VERSION; }
            if ((e = size(start)) > end) { end = e; type = HomeLabParser.SIZE; }
            if ((e = duration(start)) > end) { end = e; type = HomeLabParser.DURATION; }
            if ((e = digits(start)) > end) { end = e; type = HomeLabParser.INT; }
            if ((e = dnsName(start)) > end) { end = e; type = HomeLabParser.DNSNAME; }
            if (name > end) { end = name; type = HomeLabParser.IDENT; }
        }
        if (end == start) { // LBRACE … SLASH, else UNKNOWN_CHAR: one character that no other rule takes
            end = start + 1;
            type = singleCharacter(c);
        }
        int channel = type == HomeLabParser.WS || type == HomeLabParser.LINE_COMMENT ? Token.HIDDEN_CHANNEL : Token.DEFAULT_CHANNEL;
        Token t = factory.create(source, type, null, channel, start, end - 1, line, column);
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        pos = end;
        return t;
    }

    /** The one-character rules (LBRACE … SLASH: no other rule starts with their characters), else UNKNOWN_CHAR. */
    private static int singleCharacter(char c) {
        return switch (c) {
            case '{' -> HomeLabParser.LBRACE;
            case '}' -> HomeLabParser.RBRACE;
            case '[' -> HomeLabParser.LBRACKET;
            case ']' -> HomeLabParser.RBRACKET;
            case ',' -> HomeLabParser.COMMA;
            case '@' -> HomeLabParser.AT;
            case '/' -> HomeLabParser.SLASH;
            default -> HomeLabParser.UNKNOWN_CHAR;
        };
    }

    // ------------------------------------------------------------------ the named rules; each returns the end of
    // its longest match at p, or -1

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\uFFFF';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hex(char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** [a-zA-Z0-9_-] */
    private static boolean nameChar(char c) {
        return letter(c) || digit(c) || c == '_' || c == '-';
    }

    /** fragment DIGITS : [0-9]+ (and INT) */
    private int digits(int p) {
        int q = p;
        while (digit(at(q))) q++;
        return q > p ? q : -1;
    }

    /** IPV4 : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS */
    private int ipv4(int p) {
        int q = digits(p);
        for (int i = 0; i < 3 && q > 0; i++) q = at(q) == '.' ? digits(q + 1) : -1;
        return q;
    }

    /** CIDR4 : IPV4 '/' DIGITS */
    private int cidr4(int p) {
        int q = ipv4(p);
        return q > 0 && at(q) == '/' ? digits(q + 1) : -1;
    }

    /** IPV6 : HEX* ':' (HEX | ':')* ('.' DIGITS)* */
    private int ipv6(int p) {
        int q = p;
        while (hex(at(q))) q++;
        if (at(q) != ':') return -1;
        q++;
        while (hex(at(q)) || at(q) == ':') q++;
        while (at(q) == '.' && digit(at(q + 1))) q = digits(q + 1);
        return q;
    }

    /** CIDR6 : IPV6 '/' DIGITS */
    private int cidr6(int p) {
        int q = ipv6(p);
        return q > 0 && at(q) == '/' ? digits(q + 1) : -1;
    }

    /** VERSION : 'v' DIGITS ('.' DIGITS)+ ('-' [a-zA-Z0-9.]+)? */
    private int version(int p) {
        if (at(p) != 'v') return -1;
        int q = digits(p + 1);
        if (q < 0 || !(at(q) == '.' && digit(at(q + 1)))) return -1;
        while (at(q) == '.' && digit(at(q + 1))) q = digits(q + 1);
        if (at(q) == '-' && (letter(at(q + 1)) || digit(at(q + 1)) || at(q + 1) == '.')) {
            q++;
            while (letter(at(q)) || digit(at(q)) || at(q) == '.') q++;
        }
        return q;
    }

    private static final String[] SIZE_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "KB", "MB", "GB", "TB", "PB", "B"};

    /** SIZE : DIGITS ('.' DIGITS)? ('B' | 'KB' | 'MB' | 'GB' | 'TB' | 'PB' | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'PiB') */
    private int size(int p) {
        int q = digits(p);
        if (q < 0) return -1;
        if (at(q) == '.' && digit(at(q + 1))) q = digits(q + 1); // a unit cannot follow the whole part then
        for (String unit : SIZE_UNITS) { // the longest first
            if (text.startsWith(unit, q)) return q + unit.length();
        }
        return -1;
    }

    /** DURATION : (DIGITS ('ms' | 's' | 'm' | 'h' | 'd'))+ */
    private int duration(int p) {
        int q = p, end = -1;
        while (true) {
            int d = digits(q);
            if (d < 0) return end;
            char u = at(d);
            if (u == 'm' && at(d + 1) == 's') q = d + 2; // `ms` is never shorter: a digit would have to follow the `m`
            else if (u == 's' || u == 'm' || u == 'h' || u == 'd') q = d + 1;
            else return end;
            end = q;
        }
    }

    /** fragment LABEL : [a-zA-Z0-9_] [a-zA-Z0-9_-]* */
    private int label(int p) {
        char c = at(p);
        if (!(letter(c) || digit(c) || c == '_')) return -1;
        int q = p + 1;
        while (nameChar(at(q))) q++;
        return q;
    }

    /** DNSNAME : ('*' '.')? LABEL ('.' LABEL)+ '.'? */
    private int dnsName(int p) {
        int q = at(p) == '*' && at(p + 1) == '.' ? p + 2 : p;
        q = label(q);
        if (q < 0) return -1;
        int labels = 0;
        for (int next; at(q) == '.' && (next = label(q + 1)) > 0; q = next) labels++;
        if (labels == 0) return -1;
        return at(q) == '.' ? q + 1 : q;
    }

    /** IDENT : [a-zA-Z_] [a-zA-Z0-9_-]* | DIGITS [a-zA-Z_-] [a-zA-Z0-9_-]* */
    private int ident(int p) {
        char c = at(p);
        int q;
        if (letter(c) || c == '_') {
            q = p + 1;
        } else {
            q = digits(p);
            if (q < 0) return -1;
            char after = at(q);
            if (!(letter(after) || after == '_' || after == '-')) return -1;
            q++;
        }
        while (nameChar(at(q))) q++;
        return q;
    }

    /** STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' */
    private int string(int p) {
        if (at(p) != '"') return -1;
        for (int q = p + 1; q < text.length(); q++) {
            char c = text.charAt(q);
            if (c == '"') return q + 1;
            if (c == '\r' || c == '\n') return -1;
            if (c == '\\') {
                if (q + 1 >= text.length() || text.charAt(q + 1) == '\r' || text.charAt(q + 1) == '\n') return -1;
                q++;
            }
        }
        return -1;
    }

    /** TEXT_BLOCK : '"""' .*? '"""' (to the first closing quotes) */
    private int textBlock(int p) {
        if (!text.startsWith("\"\"\"", p)) return -1;
        int close = text.indexOf("\"\"\"", p + 3);
        return close < 0 ? -1 : close + 3;
    }

    /** LINE_COMMENT : ('//' | '#') ~[\r\n]* */
    private int lineComment(int p) {
        int q;
        if (at(p) == '#') q = p + 1;
        else if (at(p) == '/' && at(p + 1) == '/') q = p + 2;
        else return -1;
        while (q < text.length() && text.charAt(q) != '\r' && text.charAt(q) != '\n') q++;
        return q;
    }

    /** WS : [ \t\r\n\f\u00a0\ufeff]+ */
    private int whiteSpace(int p) {
        int q = p;
        while (q < text.length()) {
            if (!whiteSpaceChar(text.charAt(q))) break;
            q++;
        }
        return q > p ? q : -1;
    }

    /** What IDENT matches whole: [a-zA-Z_] [a-zA-Z0-9_-]* */
    private static boolean isName(String s) {
        if (s.isEmpty() || !(letter(s.charAt(0)) || s.charAt(0) == '_')) return false;
        for (int i = 1; i < s.length(); i++) if (!nameChar(s.charAt(i))) return false;
        return true;
    }

    private static boolean whiteSpaceChar(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u00a0' || c == '\ufeff';
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return input;
    }

    @Override
    public String getSourceName() {
        return input.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        this.factory = factory;
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return factory;
    }
}
