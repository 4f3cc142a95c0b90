package hlc.parse;

import hlc.parse.gen.HomeLabLexer;
import hlc.parse.gen.HomeLabParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Error recovery that stays inside the block. ANTLR's default, on a stray token in a list of attributes, gives
 * up on the whole block and skips to the next declaration, losing every attribute after the typo (and then
 * reporting "missing role" for a role that was written). Here a stray token is reported and skipped up to the
 * next attribute keyword of the same block, its closing brace, or the next top-level declaration.
 */
final class BlockRecovery extends DefaultErrorStrategy {
    @Override
    public void sync(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) return;
        ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
        int la = recognizer.getInputStream().LA(1);
        IntervalSet next = recognizer.getATN().nextTokens(state);
        if (next.contains(la) || next.contains(Token.EPSILON)) return;
        // `host k8s-2 {` after a block whose `}` is missing starts a new block: leave this one here, so the
        // parser reports the missing `}` and reads the next block normally instead of swallowing it.
        if (startsDeclaration(recognizer)) return;
        switch (state.getStateType()) {
            case ATNState.STAR_LOOP_ENTRY, ATNState.STAR_LOOP_BACK, ATNState.PLUS_LOOP_BACK, ATNState.STAR_BLOCK_START,
                    ATNState.PLUS_BLOCK_START -> {
                reportUnwantedToken(recognizer);
                IntervalSet stop = new IntervalSet(recognizer.getExpectedTokens());
                stop.add(Token.EOF);
                consumeUntil(recognizer, stop);
            }
            default -> super.sync(recognizer);
        }
    }

    static boolean startsDeclaration(Parser recognizer) {
        var in = recognizer.getInputStream();
        return DECLARATION_KEYWORDS.contains(in.LA(1)) && in.LA(3) == HomeLabLexer.LBRACE;
    }

    private static final java.util.Set<Integer> DECLARATION_KEYWORDS = declarationKeywords();

    /**
     * The keywords that open a top-level declaration (and `import`), read from the grammar itself: the first
     * tokens of its {@code declaration} and {@code importDecl} rules. A new kind of block is known here the
     * moment the grammar has it (a hand-kept list once missed `dns-provider`).
     */
    static java.util.Set<Integer> declarationKeywords() {
        var atn = HomeLabParser._ATN;
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int rule : new int[]{HomeLabParser.RULE_declaration, HomeLabParser.RULE_importDecl}) {
            out.addAll(atn.nextTokens(atn.ruleToStartState[rule]).toList());
        }
        out.remove(Token.EPSILON);
        return java.util.Set.copyOf(out);
    }
}
