package hlc.lsp;

import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of the language, read from the parser's own grammar (its ATN) rather than from a second list:
 * which blocks there are, which attributes each block takes, which attributes open a nested block ({@code
 * flux}, {@code pool}, {@code volume}) or a run of their own ({@code interface}), and what a keyword is followed
 * by. A new attribute in HomeLab.g4 is offered in completion with no change here.
 *
 * <p>The grammar's conventions that this relies on: a block is {@code xDecl : 'x' name '{' xAttr* '}'}, every
 * attribute alternative starts with its keyword, and nested attribute rules are named {@code …Attr}.
 */
final class GrammarVocabulary {
    /** The rule index standing for the top level of a file (blocks and imports). */
    static final int TOP = -1;

    private static final ATN ATN = HomeLabParser._ATN;
    private static final GrammarVocabulary INSTANCE = new GrammarVocabulary();

    private final Map<String, Integer> blocks = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Integer>> nested = new HashMap<>();
    private final List<String> topLevel;

    static GrammarVocabulary get() {
        return INSTANCE;
    }

    private GrammarVocabulary() {
        topLevel = new ArrayList<>(keywords(HomeLabParser.RULE_importDecl));
        for (int r = 0; r < HomeLabParser.ruleNames.length; r++) {
            String rule = HomeLabParser.ruleNames[r];
            if (!rule.endsWith("Decl") || r == HomeLabParser.RULE_importDecl) continue;
            List<String> first = keywords(r);
            List<Integer> attrs = attrRulesCalledFrom(ATN.ruleToStartState[r]);
            if (first.size() == 1 && attrs.size() == 1) {
                blocks.put(first.get(0), attrs.get(0));
                topLevel.add(first.get(0));
            }
        }
        for (int r = 0; r < HomeLabParser.ruleNames.length; r++) {
            if (HomeLabParser.ruleNames[r].endsWith("Attr")) nested.put(r, nestedOf(r));
        }
    }

    /** The keywords that can start a top-level declaration: the block kinds, and {@code import}. */
    List<String> topLevel() {
        return topLevel;
    }

    /** The attribute rule of a top-level block kind ({@code network} → networkAttr), or null. */
    Integer blockRule(String keyword) {
        return blocks.get(keyword);
    }

    /** The attribute rule an attribute of {@code rule} opens ({@code pool} in ceph → poolAttr), or null. */
    Integer nestedRule(int rule, String keyword) {
        if (rule == TOP) return blockRule(keyword);
        Map<String, Integer> m = nested.get(rule);
        return m == null ? null : m.get(keyword);
    }

    /** The attribute keywords of a rule, in the grammar's order; the block kinds at the top level. */
    List<String> attributes(int rule) {
        return rule == TOP ? topLevel : keywords(rule);
    }

    /** Whether the keyword starting an attribute of {@code rule} is followed by a boolean. */
    boolean takesBool(int rule, String keyword) {
        if (rule == TOP) return false;
        for (ATNState s : statesOf(rule)) {
            for (Transition t : s.getTransitions()) {
                if (t instanceof AtomTransition at && keyword.equals(literal(at.label))) {
                    IntervalSet next = ATN.nextTokens(t.target);
                    if (next.contains(type("'true'"))) return true;
                }
            }
        }
        return false;
    }

    static String ruleName(int rule) {
        return rule == TOP ? "spec" : HomeLabParser.ruleNames[rule];
    }

    // ------------------------------------------------------------------ reading the ATN

    private static List<String> keywords(int rule) {
        IntervalSet first = ATN.nextTokens(ATN.ruleToStartState[rule]);
        List<String> out = new ArrayList<>();
        for (int type : first.toList()) {
            String lit = literal(type);
            if (lit != null && Character.isLetter(lit.charAt(0)) && !out.contains(lit)) out.add(lit);
        }
        return out;
    }

    /** A token type's keyword text without quotes, or null for a token that is not a fixed word. */
    private static String literal(int type) {
        String lit = HomeLabParser.VOCABULARY.getLiteralName(type);
        return lit == null ? null : lit.substring(1, lit.length() - 1);
    }

    private static int type(String literal) {
        for (int t = 0; t <= HomeLabParser.VOCABULARY.getMaxTokenType(); t++) {
            if (literal.equals(HomeLabParser.VOCABULARY.getLiteralName(t))) return t;
        }
        return -1;
    }

    private static List<ATNState> statesOf(int rule) {
        List<ATNState> out = new ArrayList<>();
        for (ATNState s : ATN.states) if (s != null && s.ruleIndex == rule) out.add(s);
        return out;
    }

    /** For each keyword that starts an alternative of {@code rule}, the …Attr rule that alternative calls, if any. */
    private static Map<String, Integer> nestedOf(int rule) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Set<String> first = new HashSet<>(keywords(rule));
        for (ATNState s : statesOf(rule)) {
            for (Transition t : s.getTransitions()) {
                if (!(t instanceof AtomTransition at)) continue;
                String kw = literal(at.label);
                if (kw == null || !first.contains(kw)) continue;
                List<Integer> attrs = attrRulesCalledFrom(t.target);
                if (!attrs.isEmpty()) out.putIfAbsent(kw, attrs.get(0));
            }
        }
        return out;
    }

    /** The …Attr rules called on the paths from a state to the end of its rule (not entering the called rules). */
    private static List<Integer> attrRulesCalledFrom(ATNState from) {
        List<Integer> out = new ArrayList<>();
        Deque<ATNState> todo = new ArrayDeque<>(List.of(from));
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ATNState s = todo.pop();
            if (!seen.add(s.stateNumber) || s instanceof RuleStopState) continue;
            for (Transition t : s.getTransitions()) {
                if (t instanceof RuleTransition rt) {
                    int called = rt.target.ruleIndex;
                    if (HomeLabParser.ruleNames[called].endsWith("Attr") && !out.contains(called)) out.add(called);
                    todo.push(rt.followState);
                } else {
                    todo.push(t.target);
                }
            }
        }
        return out;
    }
}
