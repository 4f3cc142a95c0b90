package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * What every block builder shares: the reporter, the current file's literal reader, the "given once" and
 * "required" rules, and the readers of values that several blocks use (targets, name lists, components, secret
 * references). A builder checks only what belongs to one attribute or one block; whatever relates two
 * declarations is a check in {@code hlc.check}.
 */
abstract class BlockBuilder {
    protected final Reporter reporter;
    protected final Literals lit;

    BlockBuilder(Reporter reporter, Literals lit) {
        this.reporter = reporter;
        this.lit = lit;
    }

    String title(String kind, Name name) {
        return "`" + kind + " " + (name == null ? "?" : name.text()) + "`";
    }

    /**
     * A required attribute missing from {@code block}, unless a syntax error (HL001) was reported inside the
     * block: the attribute is then most likely the line that did not parse (`too b2` for `to b2`), and a second
     * error about it would only repeat the first (rustc suppresses such follow-on errors too).
     */
    void require(ParserRuleContext block, Slot<?> slot, Name owner, String kind, String attribute, String example) {
        if (slot.given() || owner == null || syntaxErrorInside(block)) return;
        reporter.error(Code.HL007, owner.span(), title(kind, owner) + " has no `" + attribute + "`")
                .hint("add e.g. `" + example + "` inside the block").emit();
    }

    /** True when an HL001 was reported between the first and the last token of {@code block}. */
    boolean syntaxErrorInside(ParserRuleContext block) {
        Token first = block.getStart();
        Token last = block.getStop() == null ? first : block.getStop();
        if (first == null) return false;
        String path = lit.span(block).path();
        return reporter.sorted().stream().anyMatch(d -> d.code().equals(Code.HL001.name())
                && d.span().path().equals(path) && !before(d.span(), first) && !after(d.span(), last));
    }

    private static boolean before(Span s, Token t) {
        return s.line() < t.getLine() || s.line() == t.getLine() && s.column() < t.getCharPositionInLine() + 1;
    }

    private static boolean after(Span s, Token t) {
        return s.line() > t.getLine() || s.line() == t.getLine() && s.column() > t.getCharPositionInLine() + 1;
    }

    Target target(TargetContext c) {
        if (Literals.missing(c)) return null;
        if (c.address() != null) {
            Ip ip = lit.ip(c.address());
            return ip == null ? null : Target.of(ip);
        }
        Name n = lit.name(c.name());
        return n == null ? null : Target.of(n);
    }

    List<Target> targets(TargetListContext c) {
        List<Target> out = new ArrayList<>();
        if (c == null) return out;
        for (TargetContext t : c.target()) {
            Target x = target(t);
            if (x != null) out.add(x);
        }
        return out;
    }

    List<Name> names(NameListContext c) {
        List<Name> out = new ArrayList<>();
        if (c == null) return out;
        for (NameContext n : c.name()) {
            Name x = lit.name(n);
            if (x != null) out.add(x);
        }
        return out;
    }

    static <T> void addIfPresent(List<T> list, T value) {
        if (value != null) list.add(value);
    }

    /** Component names as written, `kopiur/backup` included; the tokens are joined without spaces. */
    List<Located<String>> components(ComponentListContext c) {
        List<Located<String>> out = new ArrayList<>();
        if (c == null) return out;
        for (ComponentContext comp : c.component()) {
            if (Literals.missing(comp)) continue;
            out.add(new Located<>(comp.getText(), lit.span(comp)));
        }
        return out;
    }

    SecretRef secretRef(SecretRefContext c) {
        if (Literals.missing(c)) return null;
        Located<String> key = lit.nonEmpty(c.STRING(), "secret key");
        Name vault = lit.name(c.name());
        return key == null || vault == null ? null : new SecretRef(key, vault, lit.span(c));
    }

    /**
     * A kernel parameter: its key as written ({@code net.core.rmem_max}, dotted or with slashes) and its value as
     * text (Talos takes every value as a string).
     */
    Sysctl sysctl(SysctlKeyContext k, SysctlValueContext v) {
        if (Literals.missing(k) || Literals.missing(v)) return null;
        Located<String> key = k.STRING() != null ? lit.nonEmpty(k.STRING(), "sysctl key")
                : new Located<>(k.getText(), lit.span(k));
        Located<String> value = v.STRING() != null ? lit.string(v.STRING()) : new Located<>(v.getText(), lit.span(v));
        if (key == null || value == null) return null;
        if (!key.value().isBlank() && !SYSCTL_KEY.matcher(key.value()).matches()) {
            reporter.error(Code.HL004, key.span(), "`" + key.value() + "` is not a kernel parameter name")
                    .hint("a sysctl is written with dots or slashes between lower-case words, e.g. `net.core.rmem_max`").emit();
            return null;
        }
        return new Sysctl(key, value);
    }

    private static final java.util.regex.Pattern SYSCTL_KEY = java.util.regex.Pattern.compile("[a-z0-9_-]+([./][a-zA-Z0-9_*:-]+)+");

    /** Repeated sysctls are one per key in a block: the second of a key is HL006, pointing at the first. */
    void addSysctl(List<Sysctl> list, Sysctl s, String block) {
        if (s == null) return;
        for (Sysctl other : list) {
            if (other.key().value().equals(s.key().value())) {
                reporter.error(Code.HL006, s.key().span(), "sysctl `" + s.key().value() + "` is given twice in " + block)
                        .label(other.key().span(), "first given here").hint("keep one of the two").emit();
                return;
            }
        }
        list.add(s);
    }

    static String text(Located<String> s) {
        return s == null ? null : s.value();
    }
}
