package hlc.emit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which schemas a list of files will be validated against, guessed before they are rendered from the documents
 * their templates write (each template's top-level {@code apiVersion:} and {@code kind:} lines, or its Talos
 * machine document), so that the renderer's warm-up compiles those schemas, and only those, while the first files
 * render. Only a guess for a head start: validation always takes the schema of the document rendered, and a schema
 * missed here is compiled when a document first needs it.
 */
final class ExpectedSchemas {
    /** A document's type as a template writes it, each at the start of a line. */
    private static final Pattern TYPE = Pattern.compile("(?m)^apiVersion: ([\\w./-]+)\\s*\\nkind: (\\w+)\\s*$");

    /** The guess per part: the same for every file that has it. */
    private static final Map<Part, List<String>> BY_PART = new ConcurrentHashMap<>();

    private ExpectedSchemas() {}

    /**
     * What decides the schemas of a file's document: its template, the file's first template, its form, and for a
     * Talos config held to its release's own schema that release (its major and minor only, without a place, so that
     * equal parts are equal; null for any other file: {@link FileSpec#talosRelease}).
     */
    record Part(String template, String firstTemplate, boolean json, hlc.model.Version talosRelease) {
        // Written out: a record's own equals and hashCode are bootstrapped on their first call (an invokedynamic that
        // no start-up archive holds), 3 ms of each cold compile for this record alone (JFR), and Version's too.
        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && json == p.json && template.equals(p.template) && firstTemplate.equals(p.firstTemplate)
                    && java.util.Objects.equals(release(), p.release());
        }

        @Override
        public int hashCode() {
            return ((template.hashCode() * 31 + firstTemplate.hashCode()) * 31 + (json ? 1 : 0)) * 31 + java.util.Objects.hashCode(release());
        }

        /** The release as written (major and minor only, see above), which says all of it here. */
        private String release() {
            return talosRelease == null ? null : talosRelease.text();
        }
    }

    /** The distinct parts of the files, in the order the files first have them. */
    static List<Part> partsOf(List<FileSpec> files) {
        Set<Part> parts = new LinkedHashSet<>();
        for (FileSpec f : files) {
            String first = f.parts().get(0).template();
            boolean json = f.path().endsWith(".json");
            hlc.model.Version v = f.talosRelease();
            hlc.model.Version patched = v == null ? null : new hlc.model.Version("v" + v.major() + "." + v.minor(), v.major(), v.minor(), 0, null);
            for (FileSpec.Document part : f.parts()) parts.add(new Part(part.template(), first, json, patched));
        }
        return List.copyOf(parts);
    }

    /** The schemas, each once, in the order the files first need them. */
    static List<String> of(List<Part> parts) {
        Set<String> names = new LinkedHashSet<>();
        for (Part p : parts) names.addAll(BY_PART.computeIfAbsent(p, ExpectedSchemas::guess));
        return List.copyOf(names);
    }

    private static List<String> guess(Part part) {
        String path = part.json() ? "file.json" : "file.yaml";
        String text = Templates.load(part.template());
        List<ObjectNode> docs = new ArrayList<>();
        Matcher m = TYPE.matcher(text);
        while (m.find()) docs.add(JsonNodeFactory.instance.objectNode().put("apiVersion", m.group(1)).put("kind", m.group(2)));
        if (text.contains("\nversion: v1alpha1") || text.startsWith("version: v1alpha1")) {
            docs.add(JsonNodeFactory.instance.objectNode().put("version", "v1alpha1"));
        }
        if (docs.isEmpty()) docs.add(JsonNodeFactory.instance.objectNode().set("customization", JsonNodeFactory.instance.objectNode()));
        List<String> out = new ArrayList<>();
        for (ObjectNode doc : docs) {
            String own = SchemaCatalog.schemaFor(doc, path, part.firstTemplate());
            if (own != null) out.add(own);
            if (part.talosRelease() != null) {
                String patched = SchemaCatalog.patchedSchemaFor(doc, path, part.firstTemplate(), part.talosRelease());
                if (patched != null) out.add(patched);
            }
        }
        out.addAll(HelmValues.schemasOf(text));
        return List.copyOf(out);
    }
}
