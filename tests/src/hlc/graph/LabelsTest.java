package hlc.graph;

import hlc.model.Backup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wording rules of labels. */
class LabelsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lenovo ThinkCentre M70q Tiny Gen 3 | Lenovo M70q",
            "UniFi Dream Machine Pro            | UniFi Dream Machine Pro",
            "Minisforum MS-01 Mini Workstation  | Minisforum MS-01",
            "HP EliteDesk 800 G4 Mini Desktop PC | HP EliteDesk 800 G4 Mini…",
            "Synology NAS                       | Synology NAS",
            "Averyveryveryverylongmodelnamewithoutspaces | Averyveryveryverylongmod…",
    })
    void modelsAreShortenedToVendorAndModelNumber(String model, String expected) {
        assertEquals(expected, Labels.modelShort(model));
    }

    @Test
    void aBackupSaysToolMethodAndWhen() {
        var spec = TopologyGraphTest.spec("""
                service b2 { kind object-storage }
                backup a { tool volsync  method restic  source pvcs  to b2  every 6h }
                backup b { tool kopia  source pvcs  to b2  schedule "0 6 * * *" }
                backup nightly { source postgres  to b2  every 1d }
                """);
        assertEquals("VolSync restic every 6h", Labels.backup(byName(spec.backups(), "a")));
        assertEquals("Kopia cron 0 6 * * *", Labels.backup(byName(spec.backups(), "b")));
        assertEquals("nightly every 1d", Labels.backup(byName(spec.backups(), "nightly")), "no tool: the backup's name");
    }

    private static Backup byName(java.util.List<Backup> backups, String name) {
        return backups.stream().filter(b -> b.name().text().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void idsKeepLettersAndDigitsAndNothingElse() {
        assertEquals("k8s_1", Ids.sanitize("k8s-1"));
        assertEquals("var_mnt_local_hostpath", Ids.sanitize("/var/mnt/local-hostpath"));
        assertEquals("", Ids.sanitize("\"]-->;"));
        Ids ids = new Ids();
        assertEquals("hostpath", ids.of("hostpath", "/"));
        assertEquals("hostpath_2", ids.of("hostpath", "//"));
        assertEquals("hostpath", ids.of("hostpath", "/"), "asked again, the same id");
    }
}
