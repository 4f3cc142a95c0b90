package hlc.write;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers for the output-folder and secrets tests: hashing a folder, running the CLI with its output captured. */
final class TreeFixtures {
    private TreeFixtures() {}

    /** Every path under root (folders too), each with the SHA-256 of its bytes; an absent root is empty. */
    static Map<String, String> hashTree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) return out;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                out.put(rel.isEmpty() ? "." : rel, Files.isDirectory(p) ? "dir" : sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one run of the CLI did. */
    record Cli(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs hlc in-process with System.out and System.err captured (hlc prints through both). */
    static Cli hlc(String... args) {
        hlc.testing.Hlc r = hlc.testing.Hlc.run(args);
        return new Cli(r.exit(), r.out(), r.err());
    }

    static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static String mode(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        return PosixFilePermissions.toString(perms);
    }

    /** Leftovers of a replace beside the output folder (.out.hlc-PID-new / -old). */
    static java.util.List<String> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.toAbsolutePath().getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + out.getFileName() + ".hlc-")).toList();
        }
    }
}
