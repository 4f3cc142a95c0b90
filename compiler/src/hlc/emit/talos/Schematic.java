package hlc.emit.talos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An Image Factory schematic: the system extensions baked into a node's installer image. The Image Factory names
 * a schematic by the SHA-256 of its canonical YAML (Go yaml.v3: four-space indent, sorted extension list), so
 * hlc computes the same ID offline, e.g. {@code dc8730aa…} for i915 alone.
 */
public record Schematic(List<String> extensions) {
    public Schematic {
        extensions = extensions.stream().distinct().sorted().toList();
    }

    public String canonicalYaml() {
        if (extensions.isEmpty()) return "customization: {}\n";
        StringBuilder b = new StringBuilder("customization:\n    systemExtensions:\n        officialExtensions:\n");
        for (String e : extensions) b.append("            - ").append(e).append('\n');
        return b.toString();
    }

    public String id() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalYaml().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The Image Factory's name of an official extension: the spec may write {@code intel-ucode} for {@code
     * siderolabs/intel-ucode}, as every official extension is published under siderolabs/.
     */
    static String officialName(String extension) {
        return extension.contains("/") ? extension : "siderolabs/" + extension;
    }
}
