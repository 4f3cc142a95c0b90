package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A checkout of onedr0p/cluster-template (or a repository made from it that has not been rendered yet): a
 * {@code makejinja.toml} naming the template folders, the data files (the user's filled {@code cluster.toml},
 * or {@code cluster.yaml} + {@code nodes.yaml} before May 2026) and the delimiters ({@code #{ }#},
 * {@code #% %#}, {@code #| #|}). Read from makejinja.toml itself, so a fork that moved a folder still imports.
 */
record ClusterTemplate(Path root, List<String> inputs, List<String> data, List<String> excludes, boolean strict,
                       String blockStart, String blockEnd, String commentStart, String commentEnd,
                       String variableStart, String variableEnd) {

    /** The checkout's template, when it has a makejinja.toml whose template folders exist. */
    static Optional<ClusterTemplate> find(Path checkout) throws IOException {
        Path root = checkout.toAbsolutePath().normalize();
        Path toml = root.resolve("makejinja.toml");
        if (!Files.isRegularFile(toml) || Files.size(toml) > RepositoryReader.MAX_BYTES) return Optional.empty();
        JsonNode m;
        try {
            m = new TomlMapper().readTree(Files.readString(toml)).path("makejinja");
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> inputs = strings(m.path("inputs"));
        if (inputs.stream().noneMatch(i -> Files.isDirectory(root.resolve(i)))) return Optional.empty();
        JsonNode d = m.path("delimiter");
        return Optional.of(new ClusterTemplate(root, inputs, strings(m.path("data")), strings(m.path("exclude_patterns")),
                m.path("undefined").asText("default").equals("strict"),
                d.path("block_start").asText("{%"), d.path("block_end").asText("%}"),
                d.path("comment_start").asText("{#"), d.path("comment_end").asText("#}"),
                d.path("variable_start").asText("{{"), d.path("variable_end").asText("}}")));
    }

    /** The data files as makejinja.toml names them ({@code ./cluster.toml}), relative to the checkout. */
    List<Path> dataFiles() {
        return data.stream().map(f -> root.resolve(f).normalize()).toList();
    }

    /** The sample each data file is made from ({@code cluster.sample.toml} for {@code cluster.toml}). */
    static Path sampleOf(Path dataFile) {
        String name = dataFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dataFile.resolveSibling(name.substring(0, dot) + ".sample" + name.substring(dot));
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.asText());
        return out;
    }
}
