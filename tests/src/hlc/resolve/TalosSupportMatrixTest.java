package hlc.resolve;

import hlc.model.Version;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The support matrix is read from its data file, every row with its source, and a malformed file fails loudly. */
class TalosSupportMatrixTest {
    private static Version v(int major, int minor) {
        return new Version("v" + major + "." + minor + ".0", major, minor, 0, null);
    }

    @Test
    void everyReleaseHlcWritesHasARowWithASource() {
        for (int minor = 10; minor <= 14; minor++) {
            TalosSupportMatrix.Row row = TalosSupportMatrix.of(v(1, minor));
            assertTrue(row != null, "no row for Talos 1." + minor);
            assertTrue(row.source().contains("https://"), row.toString());
            assertEquals(5, row.lastKubernetesMinor() - row.firstKubernetesMinor(), "six Kubernetes releases: " + row);
        }
        assertEquals("v1.31 to v1.36", TalosSupportMatrix.of(v(1, 13)).range());
        assertTrue(TalosSupportMatrix.of(v(1, 14)).supports(v(1, 36)));
        assertFalse(TalosSupportMatrix.of(v(1, 10)).supports(v(1, 36)));
        assertNull(TalosSupportMatrix.of(v(1, 30)));
        assertNull(TalosSupportMatrix.of(v(2, 0)));
    }

    @Test
    void aMalformedRowIsAnErrorNamingItsLine() {
        var e = assertThrows(IllegalStateException.class, () -> TalosSupportMatrix.parse(
                new BufferedReader(new StringReader("# header\n1.10\t1.28\t1.33\n"))));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> TalosSupportMatrix.parse(
                new BufferedReader(new StringReader("1.10\t1.33\t1.28\thttps://x\n"))));
        assertThrows(IllegalStateException.class, () -> TalosSupportMatrix.parse(
                new BufferedReader(new StringReader("1.10\t1.28\t1.33\thttps://x\n1.10\t1.28\t1.33\thttps://y\n"))));
    }
}
