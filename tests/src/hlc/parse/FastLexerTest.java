package hlc.parse;

import hlc.bench.SpecGenerator;
import hlc.parse.gen.HomeLabLexer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FastLexer} gives exactly the tokens of ANTLR's lexer generated from the grammar: type, channel, offsets,
 * line, column and text of every token, end of file included. On every spec of the repository, on generated
 * specs, on the places where the token rules compete (written out below, each a case where a naive lexer picks
 * another rule), and on random text over the characters that matter to the rules.
 */
class FastLexerTest {
    @TestFactory
    Stream<DynamicTest> sameTokensOnEverySpecOfTheRepository() throws IOException {
        List<Path> all = new ArrayList<>(StreamedReadingTest.specs().toList());
        try (Stream<Path> examples = Files.walk(StreamedReadingTest.project().resolve("spec"))) {
            examples.filter(p -> p.toString().endsWith(".hl") && !all.contains(p)).sorted().forEach(all::add);
        }
        assertTrue(all.size() > 100, "specs: " + all.size());
        return all.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> same(Files.readString(p, StandardCharsets.UTF_8))));
    }

    @Test
    void sameTokensOnGeneratedSpecs() {
        for (int hosts : new int[]{3, 60}) same(SpecGenerator.generate(hosts));
    }

    /** Each line: text where two rules compete, or where a rule's longest match is not its first. */
    @Test
    void sameTokensWhereRulesCompete() {
        String[] cases = {
                "10.0.0.1 10.0.0.0/24 10.0.0 10.0.0. 1.2.3.4.5 1.2.3.4/ 300.1.2.3",    // IPV4, CIDR4 vs DNSNAME, INT
                "fd00::1 fd00::/64 ::ffff:1.2.3.4 face: a:b dead:beef: ab:cd/ 1:2.3x",  // IPV6 against IDENT and DNSNAME
                "v1.10.7 v1.10 v1 v1.2.3-beta.1 v1.2- v1.2.x vx.1 v1.2.3-",             // VERSION vs DNSNAME and IDENT
                "1.92TB 64GiB 1B 1.5 1.B 1KiBx 2PB 3pb 1.2.3GB",                       // SIZE vs DNSNAME, IDENT
                "10m 10ms 1h30m 1m5 6hours 1d2h3m4s5ms 10min 0s s1",                   // DURATION vs IDENT
                "802.3ad bond0.107 *.example.com example.com. *. *x a..b a.-b _x.y 1password-connect", // DNSNAME, IDENT
                "cidr cidrs local-domain local-domains domain- on-x talos-v v-1 default",        // keywords vs IDENT
                "\"a\\\"b\" \"\" \"unterminated\n\"x\\\ny\" \"\"\"\nyaml: 1\n\"\"\" \"\"\"open",    // STRING, TEXT_BLOCK
                "\"\"\"a\"\"\"\" \"\"\"\"\"\" // c\n# c\r\n/ /x {}[],@ ~ é \u00a0\ufeff\f\t\r\n",   // comments, one-char rules, white space
                "", "\n", "x", "-", "-1", "1-", "1_", "_", "*", ".5", "1.", "v", "vv1.2",
        };
        for (String c : cases) same(c);
    }

    @Property(tries = 2000)
    void sameTokensOnRandomText(@ForAll("texts") String text) {
        same(text);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("0", "1", "9", "a", "f", "x", "v", "B", "K", "i", "G", "T", "m", "s", "h",
                "d", "_", "-", ".", ":", "/", "*", "\"", "\\", "#", " ", "\n", "\r", "\t", "{", "}", "[", "]", ",", "@",
                "é", "\u00a0", "cidr", "on", "site", "\"\"\"", "//", "192.168.1.1", "ms", "GiB", "vlan");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Test
    void surrogatePairsAreLeftToAntlrsLexer() {
        assertFalse(FastLexer.handles("description \"\uD83D\uDE00\""));
        assertTrue(FastLexer.handles("description \"é\""));
    }

    private static void same(String text) {
        assertTrue(FastLexer.handles(text));
        HomeLabLexer antlr = new HomeLabLexer(CharStreams.fromString(text, "t.hl"));
        antlr.removeErrorListeners();
        FastLexer fast = new FastLexer(CharStreams.fromString(text, "t.hl"), text, 0, 1, 0);
        assertEquals(tokens(antlr), tokens(fast), () -> "tokens of: " + text);
    }

    private static List<String> tokens(TokenSource source) {
        List<String> out = new ArrayList<>();
        for (Token t; ; ) {
            t = source.nextToken();
            out.add(t.getType() + " ch" + t.getChannel() + " " + t.getStartIndex() + "-" + t.getStopIndex() + " @"
                    + t.getLine() + ":" + t.getCharPositionInLine() + " `" + t.getText() + "`");
            if (t.getType() == Token.EOF) return out;
        }
    }
}
