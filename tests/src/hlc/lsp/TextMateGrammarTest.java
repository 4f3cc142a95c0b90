package hlc.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import hlc.parse.gen.HomeLabParser;
import hlc.testing.Hlc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The VS Code extension's TextMate grammar colours before the server answers, so it has its own keyword list:
 * this test keeps that list equal to the keywords of HomeLab.g4, so a new attribute is never left uncoloured.
 */
class TextMateGrammarTest {
    @Test
    void theTextMateGrammarKnowsExactlyTheKeywordsOfTheGrammar() throws Exception {
        JsonObject tm = JsonParser.parseString(Files.readString(Hlc.project().resolve("editors/vscode/syntaxes/hl.tmLanguage.json"))).getAsJsonObject();
        Set<String> coloured = new HashSet<>();
        for (var p : tm.getAsJsonObject("repository").getAsJsonObject("keyword").getAsJsonArray("patterns")) {
            String match = p.getAsJsonObject().get("match").getAsString();
            String alternatives = match.substring(match.indexOf("(?:") + 3, match.lastIndexOf(")(?!"));
            coloured.addAll(List.of(alternatives.split("\\|")));
        }
        coloured.add("true"); // true and false are coloured as boolean constants
        coloured.add("false");
        Set<String> keywords = new HashSet<>();
        for (int t = 1; t <= HomeLabParser.VOCABULARY.getMaxTokenType(); t++) {
            String lit = HomeLabParser.VOCABULARY.getLiteralName(t);
            if (lit != null && Character.isLetter(lit.charAt(1))) keywords.add(lit.substring(1, lit.length() - 1));
        }
        List<String> missing = new ArrayList<>(keywords);
        missing.removeAll(coloured);
        List<String> extra = new ArrayList<>(coloured);
        extra.removeAll(keywords);
        assertEquals(List.of(), missing, "keywords of HomeLab.g4 the TextMate grammar does not colour");
        assertEquals(List.of(), extra, "words the TextMate grammar colours that are no keywords");
    }
}
