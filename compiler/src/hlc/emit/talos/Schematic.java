package hlc.emit.talos;

import hlc.resolve.TalosShape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An Image Factory schematic: the system extensions baked into a node's installer image, and the extra kernel
 * arguments of its boot entry. The Image Factory names a schematic by the SHA-256 of its canonical YAML (Go
 * yaml.v3 of its Customization struct: extraKernelArgs first, then systemExtensions; four-space indent; the
 * extension list sorted, the kernel arguments in their order), so hlc computes the same ID offline, e.g. {@code
 * dc8730aa…} for i915 alone.
 */
public record Schematic(List<String> extensions, List<String> kernelArgs, String overlayImage, String overlayName) {
    public Schematic {
        extensions = extensions.stream().distinct().sorted().toList();
        kernelArgs = List.copyOf(kernelArgs);
    }

    public Schematic(List<String> extensions, List<String> kernelArgs) {
        this(extensions, kernelArgs, null, null);
    }

    public Schematic(List<String> extensions) {
        this(extensions, List.of());
    }

    /** True when hlc can write this kernel argument into a schematic whose ID it computes itself. */
    public static boolean isPlainKernelArg(String arg) {
        return TalosShape.isPlainKernelArg(arg);
    }

    /**
     * The Image Factory's Schematic struct puts {@code overlay} (image, then name) before {@code customization};
     * an official overlay's image and name are plain YAML scalars (checked by the host's builder and schema).
     */
    public String canonicalYaml() {
        String overlay = overlayImage == null ? ""
                : "overlay:\n    image: " + overlayImage + "\n    name: " + overlayName + "\n";
        if (extensions.isEmpty() && kernelArgs.isEmpty()) return overlay + "customization: {}\n";
        StringBuilder b = new StringBuilder(overlay).append("customization:\n");
        if (!kernelArgs.isEmpty()) {
            b.append("    extraKernelArgs:\n");
            for (String a : kernelArgs) b.append("        - ").append(a).append('\n');
        }
        if (!extensions.isEmpty()) {
            b.append("    systemExtensions:\n        officialExtensions:\n");
            for (String e : extensions) b.append("            - ").append(e).append('\n');
        }
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
