package hlc.fmt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The guard every formatting run passes: only whitespace, list commas and comments' trailing blanks may change. */
class SameTokensTest {
    @Test
    void whitespaceCommasAndTrailingBlanksOfCommentsMayChange() {
        assertNull(SameTokens.firstDifference("app a { depends [b c,] } // x \t\r\n", "app a {\n  depends [b, c]\n}  // x\n"));
    }

    @Test
    void aChangedValueIsNamedWithItsPlace() {
        assertEquals("`10.0.0.1` at 2:11 became `10.0.0.01`",
                SameTokens.firstDifference("host h {\n  address 10.0.0.1 }", "host h {\n  address 10.0.0.01 }"));
    }

    @Test
    void aLostOrChangedCommentIsFound() {
        assertEquals("`// why` at 1:10 became the end of the file", SameTokens.firstDifference("app a {} // why", "app a {}"));
        assertEquals("`// why` at 1:10 became `// why not`", SameTokens.firstDifference("app a {} // why", "app a {} // why not"));
    }

    @Test
    void anAddedTokenIsFound() {
        assertEquals("the end of the file became `}`", SameTokens.firstDifference("app a {}", "app a {}}"));
    }
}
