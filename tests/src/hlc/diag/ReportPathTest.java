package hlc.diag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths CI tools can tie to a file of the checkout: relative, normalised, forward slashes, URI-encoded for SARIF. */
class ReportPathTest {
    @TempDir
    Path base;

    @Test
    void relativePathsAreNormalised() {
        ReportPath paths = new ReportPath(base);
        assertEquals("spec/homelab.hl", paths.relative("./spec/homelab.hl"));
        assertEquals("spec/net.hl", paths.relative("spec/sub/../net.hl"));
        assertEquals("spec/homelab.hl", paths.uri("./spec/homelab.hl"));
    }

    @Test
    void absolutePathsUnderTheBaseBecomeRelative() {
        ReportPath paths = new ReportPath(base);
        assertEquals("spec/homelab.hl", paths.relative(base.resolve("spec/homelab.hl").toString()));
        assertEquals("spec/homelab.hl", paths.uri(base.resolve("spec/homelab.hl").toString()));
    }

    @Test
    void absolutePathsElsewhereStayAbsolute() {
        ReportPath paths = new ReportPath(base.resolve("repo"));
        String elsewhere = base.resolve("other/x.hl").toString();
        assertEquals(elsewhere.replace('\\', '/'), paths.relative(elsewhere));
        assertTrue(paths.uri(elsewhere).startsWith("file:/"), paths.uri(elsewhere));
    }

    @Test
    void uriIsPercentEncodedAndNeverAScheme() {
        ReportPath paths = new ReportPath(base);
        assertEquals("my%20specs/h%C3%B6me.hl", paths.uri("my specs/höme.hl"));
        assertEquals("./c:x.hl", paths.uri("c:x.hl"));
    }
}
