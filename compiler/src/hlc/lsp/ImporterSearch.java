package hlc.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The spec on disk that imports a file opened on its own (one namespace's file of a spec split over many): its
 * names are declared in the other files, so it is checked as part of that spec, not alone. An import stays
 * inside the root spec's folder, so the root is a .hl file in the file's folder or one above it; the nearest
 * that imports it, directly or through other files, wins.
 */
final class ImporterSearch {
    /** How many folders up to look, and how many candidate specs to check at most. */
    private static final int LEVELS = 3;
    private static final int CANDIDATES = 12;

    private ImporterSearch() {}

    static Path find(Path file, Map<Path, DocumentStore.Document> open) {
        int checked = 0;
        Path folder = file.getParent();
        for (int level = 0; level < LEVELS && folder != null; level++, folder = folder.getParent()) {
            for (Path candidate : specsIn(folder)) {
                if (candidate.equals(file) || !mentionsImport(candidate, open) || checked++ >= CANDIDATES) continue;
                if (SpecAnalyzer.analyze(candidate, open).includes(file)) return candidate;
            }
        }
        return null;
    }

    private static List<Path> specsIn(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".hl") && Files.isRegularFile(p))
                    .map(p -> {
                        try {
                            return p.toRealPath();
                        } catch (IOException gone) {
                            return p;
                        }
                    }).sorted().toList();
        } catch (IOException | RuntimeException unreadable) {
            return new ArrayList<>();
        }
    }

    private static boolean mentionsImport(Path candidate, Map<Path, DocumentStore.Document> open) {
        try {
            String text = open.containsKey(candidate) ? open.get(candidate).text() : Files.readString(candidate);
            return text.contains("import");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
