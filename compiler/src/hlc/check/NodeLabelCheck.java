package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Host;
import hlc.model.Located;
import hlc.resolve.ResolvedSpec;

import java.util.List;
import java.util.regex.Pattern;

/**
 * HL084: node labels ({@code key=value}) and taints ({@code key=value:Effect}) are what the Kubernetes API
 * accepts: a key is a name of at most 63 characters (letters, digits, {@code -_.}, alphanumeric at both ends)
 * with an optional DNS-subdomain prefix and {@code /}; a value is empty or such a name; a taint's effect is
 * NoSchedule, PreferNoSchedule or NoExecute. Talos applies them when the node registers; a bad one is refused
 * by the API server, and the node comes up without any of its labels or taints.
 */
public final class NodeLabelCheck implements Check {
    /** Compiled when a spec first has a label or a taint: most have none, and a start then compiles neither. */
    private static final class Patterns {
        static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
        static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    }
    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    @Override
    public List<Code> codes() {
        return List.of(Code.HL084);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        for (Host h : ix.spec().hosts()) {
            for (Host.Label l : h.labels()) {
                if (l.value() == null) {
                    reporter.error(Code.HL084, l.written().span(), "label \"" + l.written().value() + "\" of host `"
                                    + h.name() + "` has no `=`")
                            .hint("write a label as \"key=value\", e.g. \"topology.kubernetes.io/zone=m\"").emit();
                    continue;
                }
                if (key(l.key(), "label", h, reporter)) value(l.value(), "label", h, reporter);
            }
            for (Host.Taint t : h.taints()) {
                if (!key(t.key(), "taint", h, reporter)) continue;
                if (t.value() != null && !value(t.value(), "taint", h, reporter)) continue;
                if (t.effect() == null || !EFFECTS.contains(t.effect().value())) {
                    String got = t.effect() == null ? "no effect" : "effect `" + t.effect().value() + "`";
                    var d = reporter.error(Code.HL084, t.effect() == null ? t.written().span() : t.effect().span(),
                                    "taint \"" + t.written().value() + "\" of host `" + h.name() + "` has " + got);
                    if (t.effect() != null) d.suggestClosest(t.effect().span(), t.effect().value(), EFFECTS);
                    d.hint("a taint ends in `:NoSchedule`, `:PreferNoSchedule` or `:NoExecute`")
                            .emit();
                }
            }
        }
    }

    private static boolean key(Located<String> key, String what, Host h, Reporter reporter) {
        String k = key.value();
        int slash = k.indexOf('/');
        String prefix = slash < 0 ? null : k.substring(0, slash);
        String name = slash < 0 ? k : k.substring(slash + 1);
        String problem = null;
        if (prefix != null && (prefix.length() > 253 || !Patterns.SUBDOMAIN.matcher(prefix).matches())) {
            problem = "its prefix `" + prefix + "` is not a lower-case DNS name";
        } else if (name.isEmpty() || name.length() > 63 || !Patterns.NAME.matcher(name).matches()) {
            problem = name.isEmpty() ? "it has no name" : name.length() > 63 ? "its name is longer than 63 characters"
                    : "its name `" + name + "` has a character Kubernetes does not allow, or does not start and end with a letter or digit";
        }
        if (problem == null) return true;
        reporter.error(Code.HL084, key.span(), what + " key `" + k + "` of host `" + h.name() + "` is invalid: " + problem)
                .hint("a key is `name` or `prefix/name`, e.g. `node.kubernetes.io/gpu`; names use letters, digits, `-`, `_` and `.`")
                .emit();
        return false;
    }

    private static boolean value(Located<String> value, String what, Host h, Reporter reporter) {
        String v = value.value();
        if (v.isEmpty() || (v.length() <= 63 && Patterns.NAME.matcher(v).matches())) return true;
        reporter.error(Code.HL084, value.span(), what + " value `" + v + "` of host `" + h.name() + "` is invalid"
                        + (v.length() > 63 ? ": longer than 63 characters" : ""))
                .hint("a value is empty or at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit")
                .emit();
        return false;
    }
}
