package hlc.diag;

import java.util.Locale;

/**
 * A code's SARIF rule name: its title in PascalCase up to the first parenthesis or colon
 * ("address outside its network" → {@code AddressOutsideItsNetwork}), the identifier-like form SARIF viewers
 * show beside the id. The id (HL023) is what stays stable; this name follows the title.
 */
final class RuleName {
    private RuleName() {}

    static String of(Code code) {
        String title = code.title().replace("'", ""); // "the site's domains" → TheSitesDomains
        int cut = title.length();
        for (char stop : new char[]{'(', ':'}) {
            int at = title.indexOf(stop);
            if (at > 0) cut = Math.min(cut, at);
        }
        StringBuilder name = new StringBuilder();
        for (String word : title.substring(0, cut).split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) continue;
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
