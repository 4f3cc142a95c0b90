package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Flux syncs the repository from: the {@code sync} of a FluxInstance (flux-operator), or of the
 * {@code instance} values of the flux-instance HelmRelease, which home-ops repositories keep in their own tree
 * ({@code kubernetes/apps/flux-system/flux-instance}). Without one, the conventional folders are tried.
 */
record FluxSync(String path, String url, String branch) {
    private static final List<String> CONVENTIONAL = List.of("kubernetes/flux/cluster", "kubernetes/flux", "clusters/main", "cluster");

    static Optional<FluxSync> find(RepositoryReader repo) {
        List<Path> candidates;
        try (Stream<Path> s = Files.walk(repo.root(), 8)) {
            candidates = s.filter(p -> !repo.relative(p).startsWith(".") && !repo.relative(p).contains("/."))
                    .filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted()
                    .filter(p -> mentionsFluxInstance(p)).toList();
        } catch (IOException e) {
            candidates = List.of();
        }
        for (Path p : candidates) {
            for (YamlDoc d : repo.read(p, null).orElse(List.of())) {
                JsonNode n = d.node();
                JsonNode sync = n.path("kind").asText().equals("FluxInstance") ? n.at("/spec/sync")
                        : n.path("kind").asText().equals("HelmRelease") ? n.at("/spec/values/instance/sync") : null;
                if (sync != null && sync.path("path").isTextual()) {
                    String ref = sync.path("ref").asText(null);
                    String branch = ref != null && ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
                    return Optional.of(new FluxSync(FluxTreeReader.normalize(sync.path("path").asText()),
                            sync.path("url").asText(null), branch));
                }
            }
        }
        for (String c : CONVENTIONAL) {
            if (Files.isDirectory(repo.root().resolve(c))) return Optional.of(new FluxSync(c, null, null));
        }
        return Optional.empty();
    }

    private static boolean mentionsFluxInstance(Path p) {
        try {
            if (Files.size(p) > RepositoryReader.MAX_BYTES) return false;
            String text = Files.readString(p);
            return text.contains("FluxInstance") || (text.contains("flux-instance") && text.contains("sync:"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
