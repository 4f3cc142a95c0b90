package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A Flux Kustomization as a set of facts, one line each, with Flux's defaults filled in so that a value left
 * out and the same value written compare equal: {@code media/plex path kubernetes/apps/media/plex/app},
 * {@code media/plex dependsOn kopiur-system/kopiur}, {@code media/plex timeout 1h} (Flux's default for an unset
 * timeout is the interval); health checks, the retry interval, decryption and the fields an app carries raw
 * ({@code force}, {@code healthCheckExprs}…) when set. Paths are repository-relative; components are resolved against the path, as Flux
 * resolves them.
 */
final class KustomizationFacts {
    private KustomizationFacts() {}

    static List<String> of(String namespace, JsonNode k) {
        String name = k.at("/metadata/name").asText();
        String key = namespace + "/" + name;
        JsonNode spec = k.path("spec");
        List<String> facts = new ArrayList<>();
        facts.add(key + " exists");
        String path = spec.hasNonNull("path") ? FluxTreeReader.normalize(spec.path("path").asText()) : "";
        facts.add(key + " path " + path);
        TreeSet<String> deps = new TreeSet<>();
        for (JsonNode d : spec.path("dependsOn")) deps.add(d.path("namespace").asText(namespace) + "/" + d.path("name").asText());
        deps.forEach(d -> facts.add(key + " dependsOn " + d));
        facts.add(key + " wait " + spec.path("wait").asBoolean(false));
        facts.add(key + " prune " + spec.path("prune").asBoolean(false));
        String interval = spec.path("interval").asText("");
        facts.add(key + " interval " + millis(interval));
        facts.add(key + " timeout " + millis(spec.hasNonNull("timeout") ? spec.path("timeout").asText() : interval));
        for (JsonNode c : spec.path("components")) facts.add(key + " component " + FluxTreeReader.repoPath(path, c.asText()));
        spec.path("postBuild").path("substitute").fields().forEachRemaining(e ->
                facts.add(key + " substitute " + e.getKey() + "=" + e.getValue().asText()));
        for (JsonNode s : spec.path("postBuild").path("substituteFrom")) {
            facts.add(key + " substituteFrom " + s.path("kind").asText() + "/" + s.path("name").asText()
                    + (s.path("optional").asBoolean(false) ? " optional" : ""));
        }
        facts.add(key + " targetNamespace " + spec.path("targetNamespace").asText("(none)"));
        JsonNode src = spec.path("sourceRef");
        facts.add(key + " sourceRef " + src.path("kind").asText() + "/" + src.path("namespace").asText(namespace) + "/" + src.path("name").asText());
        if (spec.has("healthChecks")) {
            for (JsonNode h : spec.path("healthChecks")) {
                facts.add(key + " healthCheck " + h.path("kind").asText() + "/" + h.path("namespace").asText(namespace) + "/" + h.path("name").asText());
            }
        }
        if (spec.hasNonNull("retryInterval")) facts.add(key + " retryInterval " + millis(spec.path("retryInterval").asText()));
        if (spec.has("decryption")) {
            JsonNode d = spec.path("decryption");
            facts.add(key + " decryption " + d.path("provider").asText() + "/" + d.at("/secretRef/name").asText("(no secret)"));
        }
        // The fields an app carries raw (its flux-spec), each as its JSON: written back as they were read.
        for (String f : new TreeSet<>(FluxSpecWriter.RAW)) if (spec.has(f)) facts.add(key + " " + f + " " + spec.path(f));
        return facts;
    }

    /** A duration as Go writes it, so {@code 60m} and {@code 1h} are one fact. */
    private static String millis(String d) {
        long ms = GoDurations.millis(d);
        if (ms < 0) return d.isEmpty() ? "(none)" : d;
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
