package hlc.explain;

import hlc.diag.Code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The long explanations of the diagnostic codes, one file per code in {@code compiler/resources/explain/}, read
 * from the classpath. It is the one place they are written: {@code hlc explain} prints them, and the tests run
 * their examples and compare them with the README's table of checks, so none of the three can drift.
 * <p>
 * It lives apart from {@code hlc.diag}, which every phase uses to report findings: the explanations are
 * documentation that only the command line and the tests read, and compiling a spec never loads them.
 */
public final class Catalogue {
    private Catalogue() {}

    /** The explanation of a code; a missing or malformed file is a bug in hlc's build and throws. */
    public static Explanation of(Code code) {
        String resource = "/explain/" + code.name() + ".md";
        try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("hlc has no explanation of " + code + ": " + resource + " is missing from the build");
            }
            return ExplanationFormat.parse(code, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every code's explanation, in the order of the codes. */
    public static List<Explanation> all() {
        return Arrays.stream(Code.values()).map(Catalogue::of).toList();
    }
}
