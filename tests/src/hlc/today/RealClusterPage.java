package hlc.today;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The section "Flux layout and apps" of {@code ../shared/reference/real-cluster.md}, the page that records what
 * tscibilia/home-ops deploys: its table of Kustomizations by namespace, the dependency keys and component marks
 * the table uses, and the facts its prose states (how many apps wait, which do not prune…). Read from the page
 * itself, so the test that compares hlc's output with it follows the page when the page is corrected.
 *
 * <p>Table syntax, as the page defines it: a row is {@code | namespace | entry; entry; … |}; an entry is
 * {@code name<marks> (dep, dep, …)} where the marks are superscript letters standing for components, and each
 * dependency is a key (SS, KP…) standing for {@code name@namespace}, an explicit {@code name@namespace}, or a bare
 * name in the row's namespace.
 */
record RealClusterPage(Map<String, Kustomization> kustomizations, Map<String, String> dependencyKeys,
                       Map<String, String> componentMarks, String prose) {

    static final String SECTION = "## Flux layout and apps";

    /** One app's Kustomization as the table states it; dependencies and components as sorted sets. */
    record Kustomization(String namespace, String name, Set<String> dependsOn, Set<String> components) {
        String key() {
            return namespace + "/" + name;
        }
    }

    private static final Pattern KEY = Pattern.compile("\\b([A-Z]{2,4}) ([a-z0-9-]+@[a-z0-9-]+)");
    private static final Pattern MARK = Pattern.compile("(\\p{Lm}) ([a-z0-9][a-z0-9/-]*)");
    private static final Pattern ENTRY = Pattern.compile("([a-z0-9][a-z0-9-]*)(\\p{Lm}*)\\s*(?:\\((.*)\\))?");

    /** Where the page is for a project folder: beside the repository, as CI always has it. */
    static final String PAGE = "../shared/reference/real-cluster.md";

    /** Reads the page beside {@code project}; failing, not skipping, when it is not there. */
    static RealClusterPage read(Path project) throws IOException {
        Path page = project.resolve(PAGE).normalize();
        if (!Files.isRegularFile(page)) {
            throw new IllegalStateException("the reference page is not at " + page + " (CI keeps ../shared beside the repository)");
        }
        String text = Files.readString(page);
        int start = text.indexOf(SECTION);
        if (start < 0) throw new IllegalStateException(page + " has no section \"" + SECTION + "\"");
        int end = text.indexOf("\n## ", start + SECTION.length());
        String section = text.substring(start, end < 0 ? text.length() : end);
        String prose = section.replaceAll("\\s+", " ");

        Map<String, String> keys = new LinkedHashMap<>();
        Matcher k = KEY.matcher(between(prose, "Dependency keys:", "a bare name"));
        while (k.find()) keys.put(k.group(1), k.group(2));
        Map<String, String> marks = new LinkedHashMap<>();
        Matcher m = MARK.matcher(between(prose, "Components:", "|"));
        while (m.find()) marks.put(m.group(1), m.group(2));

        Map<String, Kustomization> out = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| namespace |")) continue;
            String[] cells = line.split("\\|");
            if (cells.length < 3) throw new IllegalStateException("not a table row: " + line);
            String ns = cells[1].strip();
            for (String entry : cells[2].split(";")) {
                Kustomization ks = entry(ns, entry.strip(), keys, marks);
                if (out.put(ks.key(), ks) != null) throw new IllegalStateException("listed twice: " + ks.key());
            }
        }
        return new RealClusterPage(out, keys, marks, prose);
    }

    private static Kustomization entry(String ns, String entry, Map<String, String> keys, Map<String, String> marks) {
        Matcher e = ENTRY.matcher(entry);
        if (!e.matches()) throw new IllegalStateException("not an entry `name<marks> (deps)`: " + entry);
        Set<String> components = new TreeSet<>();
        e.group(2).codePoints().forEach(cp -> {
            String mark = new String(Character.toChars(cp));
            String component = marks.get(mark);
            if (component == null) throw new IllegalStateException("mark " + mark + " of " + entry + " is not in the legend");
            components.add(component);
        });
        Set<String> deps = new TreeSet<>();
        if (e.group(3) != null) {
            for (String d : e.group(3).split(",")) {
                String dep = d.strip();
                if (keys.containsKey(dep)) deps.add(keys.get(dep));
                else if (dep.contains("@")) deps.add(dep);
                else if (dep.matches("[a-z0-9][a-z0-9-]*")) deps.add(dep + "@" + ns);
                else throw new IllegalStateException("dependency `" + dep + "` of " + entry + " is no key and no name");
            }
        }
        return new Kustomization(ns, e.group(1), deps, components);
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        if (a < 0) throw new IllegalStateException("the section does not say \"" + from + "\"");
        int b = text.indexOf(to, a + from.length());
        return text.substring(a + from.length(), b < 0 ? text.length() : b);
    }

    Set<String> namespaces() {
        Set<String> out = new TreeSet<>();
        kustomizations.values().forEach(k -> out.add(k.namespace()));
        return out;
    }

    /** The number the prose puts before {@code words} ("31 with wait true"). */
    int numberBefore(String words) {
        Matcher m = Pattern.compile("(\\d+) " + Pattern.quote(words)).matcher(prose);
        if (!m.find()) throw new IllegalStateException("the section does not say \"N " + words + "\"");
        return Integer.parseInt(m.group(1));
    }

    /** The first group of {@code regex} in the prose (whitespace already collapsed to single spaces). */
    String stated(String regex) {
        Matcher m = Pattern.compile(regex).matcher(prose);
        if (!m.find()) throw new IllegalStateException("the section does not match " + regex);
        return m.group(1);
    }

    /** Every group of {@code regex} in the prose. */
    List<String> statedAll(String regex) {
        Matcher m = Pattern.compile(regex).matcher(prose);
        if (!m.find()) throw new IllegalStateException("the section does not match " + regex);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) out.add(m.group(i));
        return out;
    }

    /** Names in a comma-separated list the prose states. */
    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) out.add(s.strip());
        return out;
    }
}
