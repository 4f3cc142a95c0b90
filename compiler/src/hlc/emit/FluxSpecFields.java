package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import hlc.model.YamlBlock;

import java.io.IOException;

/**
 * An app's {@code flux-spec} fields as the Kustomization templates write them: the YAML map read and written
 * again (anchors resolved, one style), each line indented under {@code spec:}. The check (HL133, HL134) has made
 * sure it is a map of fields Flux's schema knows and that hlc's own words do not write, so writing its keys after
 * hlc's is the merge: no key is in both.
 */
final class FluxSpecFields {
    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private FluxSpecFields() {}

    /** The fields as lines indented by two spaces, without a final newline; empty for none. */
    static String indented(YamlBlock block) {
        if (block == null) return "";
        JsonNode fields;
        try {
            fields = YAML.readTree(block.yaml());
        } catch (IOException notYaml) {
            return ""; // HL133 has refused the spec
        }
        if (fields == null || !fields.isObject() || fields.isEmpty()) return "";
        String text;
        try {
            text = YAML.writeValueAsString(fields);
        } catch (IOException cannot) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!out.isEmpty()) out.append('\n');
            out.append("  ").append(line);
        }
        return out.toString();
    }
}
