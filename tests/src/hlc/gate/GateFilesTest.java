package hlc.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hlc.cli.HlcCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files people copy — the pre-commit hook manifest, the workflow, the README's "Pre-commit and CI"
 * snippets — call hlc only in ways this hlc accepts, so a renamed option or format breaks the build, not
 * someone's CI.
 */
class GateFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("hlc.project.dir", "."));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A command line "./hlc ARGS" (alone, after "- " or "run: "), up to a comment or a redirection. */
    private static final Pattern HLC_CALL = Pattern.compile("(?m)^\\s*(?:-\\s+)?(?:run:\\s+)?(?:\\./)?hlc\\s+([^#>\\n]*)");

    @Test
    void preCommitHooksRunTheLauncherWithArgumentsHlcAccepts() throws IOException {
        JsonNode hooks = YAML.readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        Map<String, JsonNode> byId = new java.util.TreeMap<>();
        for (JsonNode h : hooks) byId.put(h.get("id").asText(), h);
        assertEquals(List.of("hlc-check", "hlc-compile-check", "hlc-fmt", "hlc-gate"), List.copyOf(byId.keySet()));
        for (JsonNode h : hooks) {
            assertEquals("script", h.get("language").asText());
            List<String> entry = Arrays.asList(h.get("entry").asText().split("\\s+"));
            // language: script runs the entry's first word as a path inside the hook repository.
            Path program = ROOT.resolve(entry.get(0));
            assertTrue(Files.isExecutable(program), program + " must be an executable file for " + h.get("id"));
            List<String> args = new ArrayList<>(entry.subList(1, entry.size()));
            h.path("args").forEach(a -> args.add(a.asText()));
            if (!h.path("pass_filenames").asBoolean(true)) assertAccepted(args, h.get("id").asText());
            else assertAccepted(withFile(args), h.get("id").asText());
        }
        assertMatches(byId.get("hlc-check"), List.of("spec/homelab.hl", "lab/net.hl"), List.of("README.md", "out/dns/x.json"));
        assertMatches(byId.get("hlc-compile-check"), List.of("spec/homelab.hl", "out/dns/x.json"), List.of("README.md", "about.hl.md"));
    }

    @Test
    void workflowCallsHlcInWaysItAccepts() throws IOException {
        JsonNode workflow = YAML.readTree(ROOT.resolve(".github/workflows/hlc.yml").toFile());
        List<String> runs = new ArrayList<>();
        String sarifFile = null;
        boolean uploads = false;
        for (JsonNode job : workflow.get("jobs")) {
            for (JsonNode step : job.get("steps")) {
                if (step.has("run")) runs.add(step.get("run").asText());
                if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif")) {
                    uploads = true;
                    assertEquals("always()", step.path("if").asText(), "upload even when the checks failed");
                    sarifFile = step.at("/with/sarif_file").asText();
                }
            }
        }
        assertTrue(uploads, "the workflow should upload SARIF");
        String finalSarifFile = sarifFile;
        assertTrue(runs.stream().anyMatch(r -> r.contains("--format sarif") && r.endsWith("> " + finalSarifFile)),
                "a step should write the SARIF the upload step reads (" + sarifFile + "): " + runs);
        assertCallsAccepted(String.join("\n", runs), 3);
    }

    @Test
    void readmeSnippetsCallHlcInWaysItAccepts() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Pre-commit and CI");
        int end = readme.indexOf("## Exit codes");
        assertTrue(start >= 0 && start < end, "README needs a '## Pre-commit and CI' section before '## Exit codes'");
        StringBuilder code = new StringBuilder();
        Matcher block = Pattern.compile("```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        while (block.find()) code.append(block.group(1));
        assertCallsAccepted(code.toString(), 6);
    }

    /** The README's pre-commit snippet names a commit of this repository that has the hooks it lists. */
    @Test
    void readmePreCommitSnippetNamesARefThatExists() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher snippet = Pattern.compile("```yaml\\n(repos:\\n.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(snippet.find(), "README has a .pre-commit-config.yaml snippet");
        JsonNode repo = YAML.readTree(snippet.group(1)).at("/repos/0");
        String rev = repo.path("rev").asText();
        List<String> ids = new ArrayList<>();
        repo.path("hooks").forEach(h -> ids.add(h.path("id").asText()));
        org.junit.jupiter.api.Assumptions.assumeTrue(git("rev-parse", "--is-shallow-repository").strip().equals("false"),
                "a shallow clone may lack the commit");
        String hooksThen = git("show", rev + ":.pre-commit-hooks.yaml");
        assertFalse(hooksThen.isEmpty(), "rev " + rev + " is no commit of this repository with a hooks file");
        Set<String> idsThen = new TreeSet<>();
        YAML.readTree(hooksThen).forEach(h -> idsThen.add(h.path("id").asText()));
        assertTrue(idsThen.containsAll(ids), "rev " + rev + " has hooks " + idsThen + ", the snippet names " + ids);
    }

    private static String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "";
    }

    private static void assertCallsAccepted(String text, int atLeast) {
        Matcher call = HLC_CALL.matcher(text);
        int found = 0;
        while (call.find()) {
            assertAccepted(Arrays.asList(call.group(1).trim().split("\\s+")), call.group());
            found++;
        }
        assertTrue(found >= atLeast, "expected at least " + atLeast + " hlc calls, found " + found + " in:\n" + text);
    }

    /** Parses without running. */
    private static void assertAccepted(List<String> args, String where) {
        CommandLine cl = HlcCommand.commandLine(args.toArray(String[]::new));
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail(where + ": hlc " + String.join(" ", args) + " is refused: " + e.getMessage());
        }
    }

    private static List<String> withFile(List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.add("spec/homelab.hl");
        return a;
    }

    private static void assertMatches(JsonNode hook, List<String> runFor, List<String> skipFor) {
        Pattern files = Pattern.compile(hook.get("files").asText());
        for (String f : runFor) assertTrue(files.matcher(f).find(), hook.get("id") + " should run for " + f);
        for (String f : skipFor) assertFalse(files.matcher(f).find(), hook.get("id") + " should not run for " + f);
    }
}
