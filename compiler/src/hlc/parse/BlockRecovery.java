package hlc.parse;

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
}
