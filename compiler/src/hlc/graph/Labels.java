package hlc.graph;

import hlc.model.Backup;
import hlc.model.Located;
import hlc.model.Name;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The wording of labels: short enough for a box in a diagram, in the words people use in home-ops docs. */
final class Labels {
    private Labels() {}

    static final String SEP = " · ";

    /** Models longer than this are shortened: longer ones make every box of a row as wide. */
    static final int MODEL_MAX = 24;

    /** The spelling of tools that users write in lower case in the spec (as in `tool volsync`). */
    private static final Map<String, String> TOOLS = Map.of("volsync", "VolSync", "cnpg", "CNPG",
            "velero", "Velero", "synology", "Synology", "k8up", "K8up", "kopia", "Kopia", "longhorn", "Longhorn");

    /** The non-empty parts, joined with a middle dot. */
    static String join(String... parts) {
        return joinWith(SEP, parts);
    }

    static String joinWith(String separator, String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
    }

    static String text(Name name) {
        return name == null ? null : name.text();
    }

    static String text(Located<?> value) {
        return value == null || value.value() == null ? null : String.valueOf(value.value());
    }

    /**
     * A model short enough for a box: as written up to {@value #MODEL_MAX} characters; else the vendor (first
     * word) and the model number (the first word of three or more characters mixing letters and digits, like
     * {@code M70q} or {@code MS-01}), as in "Lenovo M70q"; else the words that fit, then an ellipsis. Two
     * characters are not enough for a model number: in "HP EliteDesk 800 G4 Mini", G4 is a generation.
     */
    static String modelShort(String model) {
        if (model == null) return null;
        String m = model.strip().replaceAll("\\s+", " ");
        if (m.length() <= MODEL_MAX) return m;
        String[] words = m.split(" ");
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.length() >= 3 && w.chars().anyMatch(Character::isLetter) && w.chars().anyMatch(Character::isDigit))
                return words[0] + " " + w;
        }
        StringBuilder out = new StringBuilder(words[0].codePointCount(0, words[0].length()) > MODEL_MAX
                ? words[0].substring(0, words[0].offsetByCodePoints(0, MODEL_MAX)) : words[0]);
        for (int i = 1; i < words.length && out.length() + 1 + words[i].length() <= MODEL_MAX; i++) out.append(' ').append(words[i]);
        return out + "…";
    }

    /** Descriptions longer than this are cut at a word: the whole text is in the spec, the box gets its gist. */
    static final int DESCRIPTION_MAX = 48;

    /** A block's `description` as a line of its box: as written up to {@value #DESCRIPTION_MAX} characters, else cut at a word with an ellipsis. */
    static String description(String description) {
        if (description == null || description.isBlank()) return null;
        String d = description.strip().replaceAll("\\s+", " ");
        if (d.codePointCount(0, d.length()) <= DESCRIPTION_MAX) return d;
        String cut = d.substring(0, d.offsetByCodePoints(0, DESCRIPTION_MAX));
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : cut).replaceAll("[\\s,;:.]+$", "") + "…";
    }

    static String tool(Name tool) {
        return tool == null ? null : TOOLS.getOrDefault(tool.text(), tool.text());
    }

    /** What a backup edge says: the tool (or the backup's name), the method and how often, e.g. "VolSync restic every 6h". */
    static String backup(Backup b) {
        String when = b.every() != null ? "every " + b.every().text()
                : b.schedule() != null ? "cron " + b.schedule().value() : null;
        return joinWith(" ", Objects.requireNonNullElse(tool(b.tool()), b.name().text()), text(b.method()), when);
    }

    /** The last part of a device path, where the by-id name says which disk it is. */
    static String basename(String path) {
        if (path == null) return null;
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
