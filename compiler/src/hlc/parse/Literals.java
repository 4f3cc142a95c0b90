package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.SourceFile;
import hlc.diag.Span;
import hlc.model.Cidr;
import hlc.model.Duration;
import hlc.model.Ip;
import hlc.model.Located;
import hlc.model.Name;
import hlc.model.Size;
import hlc.model.Version;
import hlc.parse.gen.HomeLabParser;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigInteger;
import java.util.Collection;

/**
 * Turns tokens into typed values. A value whose token is well-formed but whose meaning is not (octet 300, prefix
 * /33, a number too large) is reported here with a hint, and comes back as null so later phases skip it.
 */
final class Literals {
    private final SourceFile file;
    private final Reporter reporter;

    Literals(SourceFile file, Reporter reporter) {
        this.file = file;
        this.reporter = reporter;
    }

    Reporter reporter() {
        return reporter;
    }

    Span span(ParserRuleContext ctx) {
        return TokenSpans.of(file, ctx);
    }

    Span span(Token t) {
        return TokenSpans.of(file, t);
    }

    Span span(TerminalNode n) {
        return span(n.getSymbol());
    }

    /** True when error recovery left this piece out (ANTLR makes up tokens it expected). */
    static boolean missing(ParserRuleContext ctx) {
        if (ctx == null || ctx.exception != null || ctx.getChildCount() == 0) return true;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            var child = ctx.getChild(i);
            if (child instanceof org.antlr.v4.runtime.tree.ErrorNode) return true;
            if (child instanceof TerminalNode t && t.getSymbol().getTokenIndex() < 0) return true;
            if (child instanceof ParserRuleContext r && missing(r)) return true;
        }
        return false;
    }

    static boolean missing(TerminalNode n) {
        return n == null || n.getSymbol().getTokenIndex() < 0;
    }

    Name name(HomeLabParser.NameContext ctx) {
        if (missing(ctx)) return null;
        return new Name(text(ctx), span(ctx));
    }

    Name name(HomeLabParser.DnsNameContext ctx) {
        if (missing(ctx)) return null;
        return new Name(text(ctx), span(ctx));
    }

    /**
     * {@code ctx.getText()}, without its copy: a rule that is one token (a name, an address, a number; most
     * values of a spec, hundreds of thousands in a large one) is that token's text, which ANTLR's getText
     * would copy again through a StringBuilder.
     */
    static String text(ParserRuleContext ctx) {
        org.antlr.v4.runtime.tree.ParseTree only = ctx;
        while (only.getChildCount() == 1) only = only.getChild(0);
        return only instanceof TerminalNode t ? t.getText() : ctx.getText();
    }

    Located<String> string(TerminalNode n) {
        if (missing(n)) return null;
        return new Located<>(Strings.unquote(n.getText()), span(n));
    }

    /** A string that must say something (a path, a key, a selector): an empty one is an error at its place. */
    Located<String> nonEmpty(TerminalNode n, String what) {
        Located<String> s = string(n);
        if (s != null && s.value().isBlank()) {
            reporter.error(Code.HL004, s.span(), what + " is empty").hint("write the " + what + " between the quotes").emit();
        }
        return s;
    }

    /** An absolute path: Talos, OpenEBS and the NFS driver take nothing else. */
    Located<String> absolutePath(TerminalNode n, String what, String prefix, String example) {
        Located<String> s = nonEmpty(n, what);
        if (s != null && !s.value().isBlank() && !s.value().startsWith(prefix)) {
            reporter.error(Code.HL004, s.span(), what + " `" + s.value() + "` does not start with `" + prefix + "`")
                    .hint("e.g. \"" + example + "\"").emit();
        }
        return s; // kept, so that what refers to it is not reported as missing too
    }

    Ip ip(HomeLabParser.AddressContext ctx) {
        if (missing(ctx)) return null;
        String text = text(ctx);
        Span at = span(ctx);
        try {
            IPAddress a = new IPAddressString(text).toAddress();
            if (a.isPrefixed() || a.isMultiple()) throw new AddressStringException("not a single address");
            return new Ip(a, at);
        } catch (AddressStringException e) {
            reporter.error(Code.HL020, at, "`" + text + "` is not a valid " + (text.contains(":") ? "IPv6" : "IPv4") + " address")
                    .hint(text.contains(":") ? "an IPv6 address has at most eight groups of up to four hex digits"
                            : "each of the four numbers must be between 0 and 255").emit();
            return null;
        }
    }

    Cidr cidr(HomeLabParser.CidrContext ctx) {
        if (missing(ctx)) return null;
        String text = text(ctx);
        Span at = span(ctx);
        IPAddress a;
        try {
            a = new IPAddressString(text).toAddress();
        } catch (AddressStringException | RuntimeException e) {
            int slash = text.indexOf('/');
            boolean v6 = text.contains(":");
            String why = v6 ? "the prefix length must be 0 to 128" : "the prefix length must be 0 to 32";
            try {
                new IPAddressString(text.substring(0, slash)).toAddress();
            } catch (AddressStringException | RuntimeException bad) {
                why = v6 ? "the address part is not a valid IPv6 address" : "each of the four numbers must be between 0 and 255";
            }
            reporter.error(Code.HL020, at, "`" + text + "` is not a valid CIDR").hint(why).emit();
            return null;
        }
        if (a == null || !a.isPrefixed()) {
            reporter.error(Code.HL020, at, "`" + text + "` is not a valid CIDR").emit();
            return null;
        }
        IPAddress block = a.toPrefixBlock();
        IPAddress written = new IPAddressString(text).getHostAddress();
        if (written != null && !written.withoutPrefixLength().equals(block.getLower().withoutPrefixLength())) {
            reporter.error(Code.HL021, at, "`" + text + "` has host bits set")
                    .suggest(at, block.toCanonicalString(), "the network is written `" + block.toCanonicalString() + "`").emit();
        }
        return new Cidr(block, at);
    }

    /** A whole number in [min, max]; anything else is reported with the allowed range. */
    Located<Integer> number(HomeLabParser.NumberContext ctx, long min, long max, String what) {
        if (missing(ctx)) return null;
        Span at = span(ctx);
        BigInteger n = new BigInteger(ctx.getText());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            String shown = ctx.getText().length() > 24 ? ctx.getText().substring(0, 24) + "…" : ctx.getText();
            reporter.error(what.equals("VLAN id") ? Code.HL090 : what.equals("MTU") ? Code.HL092 : Code.HL004, at,
                            what + " " + shown + " is out of range")
                    .hint(what + " must be between " + min + " and " + max).emit();
            return null;
        }
        return new Located<>(n.intValue(), at);
    }

    /**
     * An autonomous system number: 1 to 4294967295 (four-byte ASNs, RFC 6793). 0 and anything larger are HL031,
     * like an out-of-range VLAN id is HL090.
     */
    Located<Long> asn(HomeLabParser.NumberContext ctx) {
        if (missing(ctx)) return null;
        Span at = span(ctx);
        BigInteger n = new BigInteger(ctx.getText());
        if (n.signum() <= 0 || n.compareTo(BigInteger.valueOf(4294967295L)) > 0) {
            String shown = ctx.getText().length() > 24 ? ctx.getText().substring(0, 24) + "…" : ctx.getText();
            reporter.error(Code.HL031, at, "ASN " + shown + " is out of range")
                    .hint("an ASN is between 1 and 4294967295; a private one is 64512-65534 or 4200000000-4294967294")
                    .emit();
            return null;
        }
        return new Located<>(n.longValueExact(), at);
    }

    Duration duration(TerminalNode n) {
        if (missing(n)) return null;
        String text = n.getText();
        Span at = span(n);
        java.time.Duration total = java.time.Duration.ZERO;
        int i = 0;
        try {
            while (i < text.length()) {
                int j = i;
                while (j < text.length() && Character.isDigit(text.charAt(j))) j++;
                int k = j;
                while (k < text.length() && !Character.isDigit(text.charAt(k))) k++;
                long amount = Long.parseLong(text.substring(i, j));
                total = total.plus(switch (text.substring(j, k)) {
                    case "ms" -> java.time.Duration.ofMillis(amount);
                    case "s" -> java.time.Duration.ofSeconds(amount);
                    case "m" -> java.time.Duration.ofMinutes(amount);
                    case "h" -> java.time.Duration.ofHours(amount);
                    default -> java.time.Duration.ofDays(amount);
                });
                i = k;
            }
        } catch (ArithmeticException | NumberFormatException tooBig) {
            reporter.error(Code.HL004, at, "duration `" + text + "` is too long").emit();
            return null;
        }
        if (total.isZero()) {
            reporter.error(Code.HL004, at, "duration `" + text + "` is zero").hint("a duration must be positive, e.g. 1h").emit();
            return null;
        }
        return new Duration(total, text, at);
    }

    Size size(TerminalNode n) {
        if (missing(n)) return null;
        return new Size(n.getText(), span(n));
    }

    Version version(TerminalNode n) {
        if (missing(n)) return null;
        String text = n.getText();
        String core = text.substring(1).split("-", 2)[0];
        String[] parts = core.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int patch = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            return new Version(text, major, minor, patch, span(n));
        } catch (NumberFormatException tooBig) {
            reporter.error(Code.HL004, span(n), "version `" + text + "` has a number that is too large").emit();
            return null;
        }
    }

    Located<Boolean> bool(HomeLabParser.BoolContext ctx) {
        if (missing(ctx)) return null;
        return new Located<>(ctx.getText().equals("true"), span(ctx));
    }

    /** A name that must be one of a fixed set of words; reported with the choices and a "did you mean". */
    Name choice(HomeLabParser.NameContext ctx, Collection<String> allowed, String what) {
        return choice(name(ctx), allowed, what);
    }

    Name choice(Name n, Collection<String> allowed, String what) {
        if (n == null) return null;
        if (!allowed.contains(n.text())) {
            var d = reporter.error(Code.HL005, n.span(), "`" + n.text() + "` is not a known " + what);
            d.suggestClosest(n.span(), n.text(), allowed);
            d.hint("one of: " + String.join(", ", allowed)).emit();
            return null;
        }
        return n;
    }
}
