package hlc.adopt;

import hlc.diag.SourceFile;
import hlc.diag.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code hlc import} of a cluster-template checkout: its filled configuration ({@code cluster.toml}, or
 * {@code cluster.yaml} + {@code nodes.yaml}, or the files {@code --values} names) is rendered through the
 * template as {@code task configure} renders it, into a temporary folder laid out as the rendered repository
 * ({@code kubernetes/}, {@code talos/}), and that folder is imported like any repository: the Flux tree by
 * {@link FluxTreeReader}, Talos by {@link TalhelperReader} (talconfig.yaml, until July 2026) or
 * {@link TopfReader} (topf.yaml and its patches, since). So the spec describes what the template renders, and
 * the round trip compares hlc's output with the rendered files, not with a second reading of the values.
 */
final class ClusterTemplateImport {
    private ClusterTemplateImport() {}

    static ImportResult run(ClusterTemplate template, String name, String syncPath, List<Path> values) throws IOException {
        Findings findings = new Findings();
        RepositoryReader repo = new RepositoryReader(template.root(), findings);
        List<Path> files = values.isEmpty() ? template.dataFiles() : values.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        boolean missing = false;
        for (Path f : files) {
            if (Files.isRegularFile(f)) continue;
            notFilled(template, f, values.isEmpty(), findings);
            missing = true;
        }
        if (missing) return empty(name, findings);
        Optional<Map<String, Object>> data = ClusterTemplateValues.read(files, repo, findings);
        if (data.isEmpty()) return empty(name, findings);
        if (ClusterTemplateValues.nodes(data.get()).isEmpty()) {
            Path f = files.get(files.size() - 1);
            findings.add(ImportCode.IMP10, firstLine(f, repo), repo.relative(f) + " lists no nodes",
                    "add one `[[nodes]]` table per machine (cluster.sample.toml shows one); a cluster needs at least one controller");
            return empty(name, findings);
        }
        Path work = Files.createTempDirectory("hlc-template-");
        try {
            // named as the checkout, so the spec says it was imported from it
            Path rendered = work.resolve(template.root().getFileName().toString());
            Files.createDirectories(rendered);
            MakejinjaRenderer renderer = new MakejinjaRenderer(template, repo, findings);
            if (!renderer.render(data.get(), rendered)) return empty(name, findings);
            ImportResult r = Importer.run(rendered, name, syncPath);
            findings.addAll(r.findings());
            return new ImportResult(r.rootFile(), r.files(), findings, r.flux(), r.talos(), r.kustomizations(), r.nodes(),
                    r.comments(), r.healthChecks());
        } finally {
            delete(work);
        }
    }

    /** The finding for a checkout whose data file is not there: which file to fill in, from which sample. */
    private static void notFilled(ClusterTemplate template, Path file, boolean fromToml, Findings findings) {
        String shown = template.root().relativize(file).toString();
        Path sample = ClusterTemplate.sampleOf(file);
        if (!fromToml) {
            findings.add(ImportCode.IMP10, new Span(new SourceFile(file, file.toString(), ""), 1, 1, 1),
                    file + " (named by --values) is not a file", "name the filled configuration, e.g. `--values cluster.toml`");
        } else if (Files.isRegularFile(sample)) {
            String sampleName = template.root().relativize(sample).toString();
            findings.add(ImportCode.IMP10, new Span(new SourceFile(sample, sampleName, head(sample)), 1, 1, 1),
                    "a cluster-template checkout without its configuration: " + shown + " is not there, only " + sampleName,
                    "copy " + sampleName + " to " + shown + ", fill it in (it documents every key), and import again; or name a filled one with `--values FILE`");
        } else {
            findings.add(ImportCode.IMP10, new Span(new SourceFile(template.root().resolve("makejinja.toml"), "makejinja.toml", ""), 1, 1, 1),
                    "makejinja.toml renders from " + shown + ", which is not there", "write it, or name a filled configuration with `--values FILE`");
        }
    }

    private static Span firstLine(Path f, RepositoryReader repo) {
        return new Span(new SourceFile(f, repo.relative(f), head(f)), 1, 1, 1);
    }

    /** The first line of a file, for the finding's quoted line. */
    private static String head(Path f) {
        try (var lines = Files.lines(f)) {
            return lines.findFirst().orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static ImportResult empty(String name, Findings findings) {
        return new ImportResult(name + ".hl", Map.of(), findings, null, null, 0, 0, 0, 0);
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
