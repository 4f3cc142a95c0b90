package hlc.emit.owned;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import hlc.emit.RepositoryPaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of an emitted file as the cluster receives them: a file of a Kustomize component (its folder's
 * kustomization.yaml is a {@code Component}) once for every Flux Kustomization whose {@code components} name
 * that folder, with the {@code ${VAR}}s that Kustomization's {@code postBuild.substitute} sets put in, as Flux
 * does; any other file as written.
 */
final class AsApplied {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private AsApplied() {}

    /** One document as applied, and the Kustomization that applies it (null for a file that is no component's). */
    record Doc(JsonNode doc, String includedBy) {}

    static List<Doc> docs(EmitFixtures.Run run, RenderedFile f) {
        String folder = f.path().contains("/") ? f.path().substring(0, f.path().lastIndexOf('/')) : "";
        if (!isComponent(run, folder)) return EmitFixtures.docs(f).stream().map(d -> new Doc(d, null)).toList();
        List<Doc> out = new ArrayList<>();
        for (RenderedFile k : run.files()) {
            for (JsonNode ks : EmitFixtures.docs(k)) {
                if (!ks.path("apiVersion").asText().startsWith("kustomize.toolkit.fluxcd.io/")) continue;
                boolean includes = false;
                for (JsonNode c : ks.at("/spec/components")) {
                    String seen = String.join("/", RepositoryPaths.segments(ks.at("/spec/path").asText() + "/" + c.asText()));
                    includes |= seen.equals(folder) || seen.endsWith("/" + folder);
                }
                if (!includes) continue;
                Map<String, String> vars = new TreeMap<>();
                ks.at("/spec/postBuild/substitute").fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
                Matcher m = VAR.matcher(f.content());
                StringBuilder text = new StringBuilder();
                while (m.find()) m.appendReplacement(text, Matcher.quoteReplacement(vars.getOrDefault(m.group(1), m.group())));
                m.appendTail(text);
                String who = ks.at("/metadata/namespace").asText() + "/" + ks.at("/metadata/name").asText();
                for (JsonNode d : EmitFixtures.docs(new RenderedFile(f.path(), text.toString(), false))) out.add(new Doc(d, who));
            }
        }
        return out;
    }

    static boolean isComponent(EmitFixtures.Run run, String folder) {
        String k = folder.isEmpty() ? "kustomization.yaml" : folder + "/kustomization.yaml";
        return run.files().stream().filter(f -> f.path().equals(k))
                .anyMatch(f -> EmitFixtures.docs(f).stream().anyMatch(d -> d.path("kind").asText().equals("Component")));
    }
}
