package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hlc.secrets.SecretsBundle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Spec strings are data, never YAML or template code: whatever a user writes in a string field comes out of the
 * parsed emitted file as exactly the same string. The generator favours what breaks naive emitters: quotes,
 * `: `, `#`, line and paragraph separators, template delimiters, anchors, aliases, document markers,
 * backslashes, control and non-characters, astral code points.
 *
 * <p>Not generated, because no spec can hold them: a carriage return (the grammar's STRING excludes a raw CR and
 * has no escape for one: {@code \r} reads as {@code r}), NUL (left out on purpose), and unpaired surrogates (a
 * spec is UTF-8 text, which cannot encode them). The empty string is a spec error in most of these fields
 * (FieldPlacementTest), so it is not generated either.
 */
class InjectionProperties {
    private static final Renderer RENDERER = new Renderer("test.hl");

    /** One spec with the string in every field under test; SLOT is replaced by the spec-side literal. */
    private static final String SPEC = """
            site lab {
              domain example.org
              timezone SLOT
            }
            network lan {
              cidr 10.0.0.0/24
            }
            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
              flux {
                path "./out/flux/cluster"
              }
            }
            host cp-1 {
              role controlplane
              install-disk DISK
              interface eth0 on lan address 10.0.0.11
            }
            device nas {
              kind nas
              address 10.0.0.10 on lan
              export media ROOTED
            }
            storage-class media {
              nfs media on nas
              default
            }
            service vault {
              kind vault
            }
            app web {
              namespace web
              path SLOT
              var GREETING SLOT
              var HIDDEN secret SLOT from vault
            }
            """;

    /** hlc's Talos schema wants a device path: the install disk is "/dev/" followed by the string. */
    static final String DEV = "/dev/";

    static String spec(String template, String s) {
        return template.replace("DISK", literal(DEV + s)).replace("ROOTED", literal(rooted(s))).replace("SLOT", literal(s));
    }

    /** NFS exports and hostpaths must be absolute (HL004): those slots get the string after a `/`. */
    static String rooted(String s) {
        return s.startsWith("/") ? s : "/" + s;
    }

    /** The spec-side literal of a string: `"` and `\` escaped with a backslash, a newline written as {@code \n}. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<String> nasty() {
        Arbitrary<String> fragments = Arbitraries.of(
                "\"", "'", ": ", ":", "#", " #", "\n", "\t", "\n\n", " ", "  ", "{{ x }}", "{{", "}}", "{% if true %}",
                "{%", "%}", "{# c #}", "&anchor", "*alias", "---", "...", "- ", "? ", "|", ">", "!tag", "!!str",
                "%YAML 1.2", "@", "`", "\\", "\\n", "\\\"", "\u2028", "\u2029", "\u00a0", "\ufeff", "\u007f",
                "\u0001", "\u001b[31m", "\ud83d\ude00", "null", "true", "~", "0x1F", "1e3", "${VAR}", "{}", "[]", ",",
                "\u00e9", "\u4e2d\u6587", "\u202e", "<script>", "\u00a0#");
        Arbitrary<String> codePoint = Arbitraries.integers().between(1, 0x10FFFF)
                .filter(cp -> cp != '\r' && (cp < 0xD800 || cp > 0xDFFF))
                .map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(6);
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(5, fragments), Tuple.of(3, codePoint), Tuple.of(2, ascii));
        // Not blank: a blank path or secret key is a spec error (FieldPlacementTest).
        return piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l)).filter(s -> !s.isBlank());
    }

    /** Compiles spec text with s in every slot; jqwik skips a try the checks reject as a secret-looking literal. */
    private static EmitFixtures.Run compile(String template, String s) {
        EmitFixtures.Run run = EmitFixtures.emitText(spec(template, s), SecretsBundle.placeholder(), RENDERER);
        boolean onlySecretLooking = run.failed() && run.reporter().sorted().stream()
                .filter(d -> d.isError()).allMatch(d -> d.code().equals("HL095"));
        Assume.that(!onlySecretLooking); // the literal looks like a credential to HL095: a correct refusal
        return run;
    }

    @Property(tries = 150)
    void everyStringFieldComesBackExactly(@ForAll("nasty") String s) {
        assertEveryFieldComesBack(s);
    }

    private static void assertEveryFieldComesBack(String s) {
        EmitFixtures.Run run = compile(SPEC, s);
        assertFalse(run.failed(), "hlc refused " + show(s) + ":" + run.findings());

        JsonNode app = run.doc("flux/apps/web/web.yaml");
        assertEquals(s, app.at("/spec/path").asText(), "app path");
        assertEquals(s, app.at("/spec/postBuild/substitute/GREETING").asText(), "var literal");

        JsonNode es = run.doc("flux/apps/web/web-secrets.yaml");
        assertEquals(s, es.at("/spec/data/0/remoteRef/key").asText(), "secret key");

        // The flux path is not a free string: it must name the output's sync folder (HL076), so no slot here.
        assertEquals(s, run.doc("flux/cluster/cluster-settings.yaml").at("/data/TIMEZONE").asText(), "timezone");

        assertEquals(DEV + s, run.doc("talos/cp-1.yaml").at("/machine/install/disk").asText(), "install-disk");
        assertEquals(rooted(s), run.doc("storage/classes/media.yaml").at("/parameters/share").asText(), "NFS export path");
    }

    @Example
    void theLiteralEscapingIsTheGrammars() {
        assertEveryFieldComesBack("a\"b\\c\nd\te \\n {{ x }} {% if %} &a *a --- #c : \u2028\u2029 \ud83d\ude00");
    }

    /**
     * YAML forbids C1 controls (U+0080–U+009F but NEL), U+FFFE and U+FFFF raw, and a YAML 1.1 reader (SnakeYAML,
     * go-yaml) reads a raw NEL (U+0085) as a line break, folded to a space inside a quoted scalar. The q filter
     * escapes U+2028, U+2029 and DEL for this reason but not these.
     */
    @Example
    void yamlNonPrintableCharactersComeBackExactly() {
        List<String> failures = new ArrayList<>();
        List<Integer> cps = new ArrayList<>();
        for (int cp = 0x80; cp <= 0x9f; cp++) cps.add(cp);
        cps.add(0xfffe);
        cps.add(0xffff);
        for (int cp : cps) {
            String s = "a" + Character.toString(cp) + "b";
            try {
                assertEveryFieldComesBack(s);
            } catch (AssertionError e) {
                failures.add(String.format("U+%04X: %s", cp, e.getMessage().lines().limit(2).collect(Collectors.joining(" / "))));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static final String HOSTPATH_SPEC = SPEC.replace("""
            storage-class media {
              nfs media on nas
              default
            }
            """, """
            storage-class media {
              nfs media on nas
              default
            }
            storage-class local {
              hostpath ROOTED
            }
            """);

    private static String openEbsBasePath(String s) throws Exception {
        EmitFixtures.Run run = compile(HOSTPATH_SPEC, s);
        assertFalse(run.failed(), "hlc refused " + show(s) + ":" + run.findings());
        String config = run.doc("storage/classes/local.yaml").at("/metadata/annotations/cas.openebs.io~1config").asText();
        JsonNode entries;
        try {
            entries = new YAMLMapper().readTree(config);
        } catch (Exception e) {
            throw new AssertionError("the cas.openebs.io/config annotation is not YAML any more:\n" + config, e);
        }
        List<String> basePaths = new ArrayList<>();
        for (JsonNode e : entries) if (e.path("name").asText().equals("BasePath")) basePaths.add(e.path("value").asText());
        assertEquals(2, entries.size(), "entries in the OpenEBS config:\n" + config);
        assertEquals(1, basePaths.size(), config);
        return basePaths.get(0);
    }

    @Example
    void anOrdinaryHostpathIsTheOpenEbsBasePath() throws Exception {
        assertEquals("/var/mnt/local disk", openEbsBasePath("/var/mnt/local disk"));
    }

    /**
     * The OpenEBS hostpath class carries its base path inside a YAML document that is itself a string (the
     * cas.openebs.io/config annotation, which OpenEBS parses). The outer scalar is quoted; the path inside the
     * inner document is pasted between double quotes unescaped, so a `"`, `\` or newline in it breaks OpenEBS's
     * config or adds entries to it.
     */
    @Example
    void aHostpathCannotInjectIntoTheOpenEbsConfig() throws Exception {
        String evil = "/x\"\n- name: StorageType\n  value: \"device";
        assertEquals(rooted(evil), openEbsBasePath(evil));
    }
    @Property(tries = 100)
    void anyHostpathComesBackExactlyFromTheOpenEbsConfig(@ForAll("nasty") String s) throws Exception {
        assertEquals(rooted(s), openEbsBasePath(s));
    }

    static String show(String s) {
        return s.codePoints().mapToObj(cp -> cp >= 0x20 && cp < 0x7f ? Character.toString(cp) : String.format("\\u{%x}", cp))
                .collect(Collectors.joining("", "\"", "\""));
    }
}
