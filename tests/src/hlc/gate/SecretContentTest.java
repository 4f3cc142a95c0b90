package hlc.gate;

import hlc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's quick scan of a file's bytes never passes over a file that holds a secret. */
class SecretContentTest {
    @Test
    void aSecretsBundleIsScannedAndRefused(@TempDir Path tmp) throws IOException {
        Path bundle = tmp.resolve("cluster.secrets.yaml");
        assertEquals(0, Main.run("secrets", "init", bundle.toString()));
        byte[] bytes = Files.readAllBytes(bundle);
        assertTrue(SecretContent.mayHoldOne(bytes));
        assertNotNull(SecretContent.kindOf(new String(bytes, StandardCharsets.UTF_8)));
        // Without its keys as Talos stores them it is no secret, and the scan says so without the patterns.
        String keyless = new String(bytes, StandardCharsets.UTF_8).replace("LS0t", "LS0x");
        assertFalse(SecretContent.mayHoldOne(keyless.getBytes(StandardCharsets.UTF_8)));
        assertNull(SecretContent.kindOf(keyless));
    }

    @Test
    void theScanAgreesWithThePatternsOnTheRepositorysFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("out")), Files.walk(Path.of("spec")))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path p : files) {
            byte[] bytes = Files.readAllBytes(p);
            if (SecretContent.kindOf(new String(bytes, StandardCharsets.UTF_8)) != null) {
                assertTrue(SecretContent.mayHoldOne(bytes), p + " holds a secret the scan passed over");
            }
        }
        assertFalse(SecretContent.mayHoldOne("key: \"LS0".getBytes(StandardCharsets.UTF_8)), "a key cut short at the end");
    }
}
