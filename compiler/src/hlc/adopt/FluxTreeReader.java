package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.SourceFile;
import hlc.diag.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Walks a Flux repository the way Flux applies it: from the sync path, each folder is built as kustomize builds
 * it (its kustomization.yaml's resources, or, without one, every YAML file below it as kustomize-controller
 * generates), each Flux Kustomization met is recorded in the namespace kustomize gives it, and its own path is
 * walked in turn. A folder met again while it is being built, or a Kustomization whose path leads back into one
 * being applied, is a cycle of includes (reported, not followed).
 */
public final class FluxTreeReader {
    static final String FLUX_KS_API = "kustomize.toolkit.fluxcd.io/";
    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final RepositoryReader repo;
    private final Findings findings;
    private final Deque<Path> building = new ArrayDeque<>();
    private final Deque<String> applying = new ArrayDeque<>();
    private final Set<String> applied = new HashSet<>();
    private final Map<String, FluxKustomization> kustomizations = new LinkedHashMap<>();
    private final Map<String, NamespaceFolder> namespaces = new LinkedHashMap<>();
    private final List<YamlDoc> manifests = new ArrayList<>();
    private final Set<FluxKustomization> roots = new HashSet<>();
    private int missingInApps;
    private final Set<Set<String>> reportedCycles = new HashSet<>();

    public FluxTreeReader(RepositoryReader repo, Findings findings) {
        this.repo = repo;
        this.findings = findings;
    }

    /** Reads the tree below {@code syncPath} (repository-relative). */
    public FluxTree read(String syncPath, String url, String branch) {
        String path = normalize(syncPath);
        List<FluxKustomization> top = apply(path, null, null);
        List<FluxKustomization> apps = kustomizations.values().stream().filter(k -> !top.contains(k)).toList();
        return new FluxTree(path, url, branch, top, apps, List.copyOf(namespaces.values()), List.copyOf(manifests), missingInApps);
    }

    /** Applies one Flux path: builds its folder, then applies the path of each Kustomization found there. */
    private List<FluxKustomization> apply(String path, FluxKustomization owner, Span namedAt) {
        Path dir = repo.root().resolve(path).normalize();
        if (!dir.startsWith(repo.root())) {
            if (namedAt != null) repo.resolve(repo.root(), path, namedAt);
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            if (namedAt != null) {
                findings.add(ImportCode.IMP07, namedAt, "path `" + path + "` is not a folder of the repository",
                        "Flux would fail to build this Kustomization; its apps cannot be imported");
            }
            return List.of();
        }
        applying.push(path);
        applied.add(path);
        List<FluxKustomization> found = new ArrayList<>();
        build(dir, null, owner, found);
        if (owner == null) roots.addAll(found);
        for (FluxKustomization k : found) {
            Span at = k.doc().spanOfKey("path");
            if (k.path() == null) continue;
            if (applying.contains(k.path())) {
                findings.add(ImportCode.IMP05, at, "Kustomization `" + k.key() + "` applies `" + k.path()
                                + "`, which is already being applied: " + String.join(" -> ", cycle(k.path())),
                        "Flux would apply these Kustomizations forever; the path is not followed again");
                continue;
            }
            if (applied.contains(k.path())) continue;
            apply(k.path(), k, at);
        }
        applying.pop();
        return found;
    }

    private List<String> cycle(String back) {
        List<String> path = new ArrayList<>(applying);
        java.util.Collections.reverse(path);
        int from = path.indexOf(back);
        List<String> c = new ArrayList<>(path.subList(Math.max(0, from), path.size()));
        c.add(back);
        return c;
    }

    /** Builds a folder as kustomize does: its kustomization file, else every YAML file below it. */
    private void build(Path dir, String outerNamespace, FluxKustomization owner, List<FluxKustomization> found) {
        if (building.contains(dir)) return; // reported where the resource naming it was read
        building.push(dir);
        Optional<Path> kfile = KUSTOMIZATION_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
        if (kfile.isPresent()) {
            buildKustomization(dir, kfile.get(), outerNamespace, owner, found);
        } else {
            generated(dir, outerNamespace, owner, found);
        }
        building.pop();
    }

    private void generated(Path dir, String ns, FluxKustomization owner, List<FluxKustomization> found) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"))) manifests(p, null, ns, owner, found);
        }
        for (Path p : entries) {
            if (!Files.isDirectory(p) || p.getFileName().toString().startsWith(".")) continue;
            if (!repo.resolve(dir, p.getFileName().toString(), new Span(new SourceFile(p, repo.relative(p), ""), 1, 1, 1)).isPresent()) continue;
            build(p, ns, owner, found);
        }
    }

    private void buildKustomization(Path dir, Path kfile, String outerNamespace, FluxKustomization owner,
                                    List<FluxKustomization> found) {
        Optional<List<YamlDoc>> docs = repo.read(kfile, null);
        if (docs.isEmpty() || docs.get().isEmpty()) return;
        YamlDoc doc = docs.get().get(0);
        JsonNode k = doc.node();
        String ns = outerNamespace != null ? outerNamespace : text(k, "namespace");
        int before = found.size();
        for (JsonNode r : k.path("resources")) {
            String name = r.asText();
            Span at = doc.spanOf(name);
            if ((name.contains("://") || name.startsWith("github.com/")) && inApp(owner)) {
                missingInApps++;
                continue;
            }
            if (name.contains("://") || name.startsWith("github.com/")) {
                findings.add(ImportCode.IMP07, at, "remote resource `" + name + "` is not read",
                        "the import reads the repository only; what that resource holds is not imported");
                continue;
            }
            Optional<Path> p = repo.resolve(dir, name, at);
            if (p.isEmpty()) continue;
            Path target = p.get();
            if (building.contains(target)) {
                // the same cycle is met again from each folder on it; one finding says it
                if (!reportedCycles.add(new TreeSet<>(List.of(target.toString(), dir.toString())))) continue;
                findings.add(ImportCode.IMP05, at, "`" + name + "` includes " + repo.relative(target)
                                + ", which includes " + repo.relative(dir) + ": a cycle of kustomize resources",
                        "kustomize refuses this; the resource is not followed");
                continue;
            }
            if (Files.isDirectory(target)) {
                build(target, ns, owner, found);
            } else if (Files.isRegularFile(target)) {
                manifests(target, at, ns, owner, found);
            } else if (inApp(owner)) {
                missingInApps++;
            } else {
                findings.add(ImportCode.IMP07, at, "`" + name + "` is not in the repository",
                        "kustomize would fail to build " + repo.relative(kfile) + "; the other resources are imported");
            }
        }
        for (JsonNode c : k.path("components")) {
            Optional<Path> p = repo.resolve(dir, c.asText(), doc.spanOf(c.asText()));
            if (p.isPresent() && !Files.exists(p.get()) && inApp(owner)) {
                missingInApps++;
            } else if (p.isPresent() && !Files.exists(p.get())) {
                findings.add(ImportCode.IMP07, doc.spanOf(c.asText()), "component `" + c.asText() + "` is not in the repository",
                        "kustomize would fail to build " + repo.relative(kfile));
            }
        }
        if (text(k, "namespace") != null && found.size() > before && !namespaces.containsKey(text(k, "namespace"))) {
            List<String> components = new ArrayList<>();
            for (JsonNode c : k.path("components")) components.add(repoPath(repo.relative(dir), c.asText()));
            namespaces.put(text(k, "namespace"), new NamespaceFolder(text(k, "namespace"), repo.relative(dir), components, doc));
        }
    }

    /** Whether a folder is built for an app's Kustomization (below the tree of Kustomizations itself). */
    private boolean inApp(FluxKustomization owner) {
        return owner != null && !roots.contains(owner);
    }

    /** The documents of one manifest file: Flux Kustomizations are recorded, the rest kept for other readers. */
    private void manifests(Path file, Span namedAt, String ns, FluxKustomization owner, List<FluxKustomization> found) {
        Optional<List<YamlDoc>> docs = repo.read(file, namedAt);
        if (docs.isEmpty()) return;
        for (YamlDoc d : docs.get()) {
            JsonNode n = d.node();
            if (n.path("kind").asText().equals("Kustomization") && n.path("apiVersion").asText().startsWith(FLUX_KS_API)) {
                FluxKustomization k = kustomization(d, ns, owner);
                if (k == null) continue;
                FluxKustomization before = kustomizations.putIfAbsent(k.key(), k);
                if (before != null) {
                    if (before.doc() != d) {
                        findings.add(ImportCode.IMP08, d.spanOfKey("name"), "Kustomization `" + k.key()
                                        + "` is declared twice (first in " + before.doc().where("name") + ")",
                                "Flux applies only one of them; the first is imported");
                    }
                    continue;
                }
                found.add(k);
            } else if (n.isObject()) {
                manifests.add(d);
            }
        }
    }

    private FluxKustomization kustomization(YamlDoc d, String nsOverride, FluxKustomization owner) {
        JsonNode n = d.node();
        JsonNode spec = n.path("spec");
        String name = text(n.path("metadata"), "name");
        if (name == null) return null;
        String ns = nsOverride != null ? nsOverride : text(n.path("metadata"), "namespace");
        if (ns == null && owner != null) ns = owner.targetNamespace() != null ? owner.targetNamespace() : owner.namespace();
        if (ns == null) ns = "flux-system";
        String path = text(spec, "path") == null ? null : normalize(text(spec, "path"));
        List<FluxKustomization.Dependency> deps = new ArrayList<>();
        for (JsonNode dep : spec.path("dependsOn")) {
            String dn = text(dep, "name");
            if (dn != null) deps.add(new FluxKustomization.Dependency(dn, text(dep, "namespace") != null ? text(dep, "namespace") : ns));
        }
        List<String> components = new ArrayList<>();
        for (JsonNode c : spec.path("components")) {
            if (path == null) continue;
            String resolved = repoPath(path, c.asText());
            if (resolved.startsWith("..")) {
                repo.resolve(repo.root().resolve(path), c.asText(), d.spanOf(c.asText()));
                continue;
            }
            components.add(resolved);
        }
        Map<String, String> substitute = new LinkedHashMap<>();
        spec.path("postBuild").path("substitute").fields().forEachRemaining(e -> substitute.put(e.getKey(), e.getValue().asText()));
        List<FluxKustomization.SubstituteFrom> from = new ArrayList<>();
        for (JsonNode s : spec.path("postBuild").path("substituteFrom")) {
            from.add(new FluxKustomization.SubstituteFrom(s.path("kind").asText(), s.path("name").asText(), s.path("optional").asBoolean(false)));
        }
        JsonNode src = spec.path("sourceRef");
        String source = src.isMissingNode() ? null : src.path("kind").asText() + " "
                + (src.hasNonNull("namespace") ? src.path("namespace").asText() : ns) + "/" + src.path("name").asText();
        return new FluxKustomization(name, ns, path, deps, bool(spec, "wait"), bool(spec, "prune"),
                text(spec, "interval"), text(spec, "timeout"), components, substitute, from,
                text(spec, "targetNamespace"), source, d);
    }

    private static Boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asBoolean();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** A repository path without {@code ./}, normalized, with forward slashes. */
    static String normalize(String path) {
        String p = Path.of(path.strip()).normalize().toString().replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        if (p.startsWith("/")) p = p.substring(1);
        return p.equals(".") ? "" : p;
    }

    /** {@code relative} seen from the repository folder {@code from}, as a repository path. */
    static String repoPath(String from, String relative) {
        return normalize(Path.of(from.isEmpty() ? "." : from).resolve(relative).normalize().toString());
    }
}
