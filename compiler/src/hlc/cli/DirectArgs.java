package hlc.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The commands a pre-commit hook and CI run on every commit ({@code check}, {@code compile}, {@code fmt},
 * {@code gate}),
 * started without picocli when their arguments are plain: picocli builds its command model by reading the
 * annotations, and the JVM makes a proxy class for each annotation type it reads, which was most of the start-up
 * of a short run (bench/RESULTS.md). Plain means only options the command has, each once, in the forms
 * {@code --name}, {@code --name VALUE} or {@code --name=VALUE}, and positionals that do not start with {@code -}
 * or {@code @}. Anything else (help, a mistake, an argument file, an option this class does not know, a value it
 * cannot convert) goes to picocli, which parses it with the annotations and reports any error as always.
 *
 * <p>The command object is the same class picocli would make, filled in as picocli fills it, and runs the same
 * {@code call()}; DirectArgsTest parses a set of command lines both ways and compares the objects, and fails
 * when an option here is not an option of the annotated command. A new command needs nothing here: it is simply
 * parsed by picocli.
 */
final class DirectArgs {
    private DirectArgs() {}

    /** The command object for these arguments (the command's name first), or null when picocli must parse them. */
    static Callable<Integer> command(String[] args) {
        if (args.length == 0) return null;
        // Per command: its flags, and its valued options by name or alias to the name they are recorded under.
        Plain plain = switch (args[0]) {
            case "check" -> Plain.split(args, Set.of("--strict"), Map.of("--format", "--format", "--color", "--color"));
            case "compile" -> Plain.split(args, Set.of("--strict", "--check"), Map.of("--format", "--format",
                    "--color", "--color", "-o", "--out", "--out", "--out", "--secrets", "--secrets"));
            case "fmt" -> Plain.split(args, Set.of("--check", "--write"), Map.of());
            case "gate" -> Plain.split(args, Set.of("--strict", "--staged"), Map.of("--format", "--format",
                    "--color", "--color", "-o", "--out", "--out", "--out", "--spec", "--spec", "--repo", "--repo"));
            default -> null;
        };
        if (plain == null) return null;
        // A switch rather than a map of method references: on JDK 17 each reference links its call site at run
        // time on first use, and building the map linked all four on every start.
        return switch (args[0]) {
            case "check" -> check(plain);
            case "compile" -> compile(plain);
            case "fmt" -> fmt(plain);
            default -> gate(plain);
        };
    }

    private static Callable<Integer> check(Plain p) {
        if (p.positionals.size() != 1) return null;
        CheckCommand c = new CheckCommand();
        c.spec = p.path(p.positionals.get(0));
        return c.spec != null && output(p, c.output) ? c : null;
    }

    private static Callable<Integer> compile(Plain p) {
        if (p.positionals.size() != 1) return null;
        CompileCommand c = new CompileCommand();
        c.spec = p.path(p.positionals.get(0));
        c.out = p.path(p.options.getOrDefault("--out", "out"));
        c.checkOnly = p.options.containsKey("--check");
        String secrets = p.options.get("--secrets");
        c.secretsFile = secrets == null ? null : p.path(secrets);
        if (c.spec == null || c.out == null || (secrets != null && c.secretsFile == null)) return null;
        return output(p, c.output) ? c : null;
    }

    private static Callable<Integer> fmt(Plain p) {
        boolean check = p.options.containsKey("--check"), write = p.options.containsKey("--write");
        if (p.positionals.isEmpty() || (check && write)) return null; // picocli says why
        FmtCommand c = new FmtCommand();
        c.files = new ArrayList<>();
        for (String f : p.positionals) {
            Path path = p.path(f);
            if (path == null) return null;
            c.files.add(path);
        }
        c.mode.check = check;
        c.mode.write = write;
        return c;
    }

    private static Callable<Integer> gate(Plain p) {
        if (!p.positionals.isEmpty()) return null;
        GateCommand c = new GateCommand();
        c.spec = p.path(p.options.getOrDefault("--spec", "spec/homelab.hl"));
        c.out = p.path(p.options.getOrDefault("--out", "out"));
        c.repo = p.path(p.options.getOrDefault("--repo", "."));
        c.staged = p.options.containsKey("--staged");
        if (c.spec == null || c.out == null || c.repo == null) return null;
        return output(p, c.output) ? c : null;
    }

    /** Fills in the findings options as picocli would (its defaults included); false for a value it would refuse. */
    private static boolean output(Plain p, Output o) {
        try {
            o.format = Output.Format.valueOf(p.options.getOrDefault("--format", "text"));
            o.colour = Output.Colour.valueOf(p.options.getOrDefault("--color", "auto"));
        } catch (IllegalArgumentException notAValue) {
            return false;
        }
        o.strict = p.options.containsKey("--strict");
        return true;
    }

    /** Options (by recorded name; a flag's value is "") and positionals of plain arguments. */
    static final class Plain {
        final Map<String, String> options = new HashMap<>();
        final List<String> positionals = new ArrayList<>();

        /**
         * Splits {@code args} after the command name, or returns null when one is not plain: an unknown option, an
         * option given twice, a valued option without its value, {@code --}, or an {@code @}argument file.
         */
        static Plain split(String[] args, Set<String> flags, Map<String, String> valued) {
            Plain p = new Plain();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("@") || a.equals("--") || a.equals("-")) return null;
                if (!a.startsWith("-")) {
                    p.positionals.add(a);
                    continue;
                }
                String name = a, value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                String recorded;
                if (flags.contains(name) && value == null) {
                    recorded = name;
                    value = "";
                } else if (valued.containsKey(name)) {
                    recorded = valued.get(name);
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) return null;
                        value = args[++i];
                    }
                } else {
                    return null;
                }
                if (p.options.put(recorded, value) != null) return null;
            }
            return p;
        }

        /** The path picocli would convert this to, or null where it would refuse it. */
        Path path(String s) {
            try {
                return Path.of(s);
            } catch (InvalidPathException e) {
                return null;
            }
        }
    }
}
