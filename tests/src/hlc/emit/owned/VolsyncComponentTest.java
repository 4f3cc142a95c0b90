package hlc.emit.owned;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import hlc.emit.RenderedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * VolSync backups are one Kustomize component per backup, which each backed-up app's Flux Kustomization
 * includes and fills in with its name and namespace: what reaches the cluster is still one ReplicationSource,
 * one ReplicationDestination and one repository Secret per app, on the app's own PVC.
 */
class VolsyncComponentTest {
    private static final String COMPONENT = "backup/volsync/volsync";
    private static EmitFixtures.Run homelab;

    @BeforeAll
    static void compile() {
        homelab = Compiles.clean(Compiles.homelab());
    }

    /** kind → the names of that kind the component's documents get, per Kustomization that includes it. */
    private static Map<String, List<String>> applied(EmitFixtures.Run run, String file) {
        Map<String, List<String>> out = new TreeMap<>();
        for (AsApplied.Doc d : AsApplied.docs(run, run.file(file))) {
            out.computeIfAbsent(d.doc().path("kind").asText(), k -> new java.util.ArrayList<>())
                    .add(d.includedBy() + " " + d.doc().at("/metadata/namespace").asText() + "/" + d.doc().at("/metadata/name").asText());
        }
        return out;
    }

    @Test
    void everyBackedUpAppIncludesTheOneComponentWithItsOwnNames() {
        assertEquals("Component", homelab.doc(COMPONENT + "/kustomization.yaml").path("kind").asText());
        assertTrue(homelab.files().stream().noneMatch(f -> f.path().startsWith("backup/volsync/media/")),
                "no file per app any more");
        List<String> apps = List.of("jellyfin", "plex", "qbittorrent", "radarr", "sonarr");
        Map<String, List<String>> byKind = applied(homelab, COMPONENT + "/volsync.yaml");
        assertEquals(apps.stream().map(a -> "flux-system/" + a + " media/" + a).toList(), byKind.get("ReplicationSource"));
        assertEquals(apps.stream().map(a -> "flux-system/" + a + " media/" + a + "-dst").toList(), byKind.get("ReplicationDestination"));
        assertEquals(apps.stream().map(a -> "flux-system/" + a + " media/" + a + "-volsync").toList(), byKind.get("ExternalSecret"));
        for (AsApplied.Doc d : AsApplied.docs(homelab, homelab.file(COMPONENT + "/volsync.yaml"))) {
            String app = d.includedBy().substring(d.includedBy().indexOf('/') + 1);
            JsonNode spec = d.doc().path("spec");
            switch (d.doc().path("kind").asText()) {
                case "ReplicationSource" -> assertEquals(app, spec.path("sourcePVC").asText(), "the app's own PVC");
                case "ReplicationDestination" -> assertEquals(app, spec.at("/restic/destinationPVC").asText());
                default -> assertEquals("s3:https://api.backblazeb2.com/volsync/media/" + app,
                        spec.at("/target/template/data/RESTIC_REPOSITORY").asText(), "a repository per app");
            }
        }
    }

    /** An app the backup does not cover includes nothing and sets no VolSync variable. */
    @Test
    void anAppWithoutVolsyncIncludesNoComponent() {
        RenderedFile ks = homelab.file("flux/apps/media/plex.yaml");
        assertTrue(ks.content().contains("../../../../../out/backup/volsync/volsync"), ks.content());
        for (RenderedFile f : homelab.files()) {
            if (!f.path().startsWith("flux/apps/") || f.path().contains("/media/")) continue;
            assertTrue(!f.content().contains("VOLSYNC_APP") && !f.content().contains("backup/volsync"), f.path());
        }
    }

    /** A schedule of its own for one app is a second component, which that app alone includes. */
    @Test
    void aScheduleForOneAppMakesASecondComponentForIt() {
        EmitFixtures.Run run = Compiles.changed(Compiles.homelab(), "homelab.hl", "  every 6h\n}",
                "  every 6h\n  schedule \"30 2 * * *\" for [plex]\n}");
        assertEquals("30 2 * * *", AsApplied.docs(run, run.file(COMPONENT + "-2/volsync.yaml")).stream()
                .filter(d -> d.doc().path("kind").asText().equals("ReplicationSource")).findFirst().orElseThrow()
                .doc().at("/spec/trigger/schedule").asText());
        assertEquals(List.of("flux-system/plex media/plex"), applied(run, COMPONENT + "-2/volsync.yaml").get("ReplicationSource"));
        assertEquals(4, applied(run, COMPONENT + "-1/volsync.yaml").get("ReplicationSource").size());
    }

    /**
     * A backup to a NAS export keeps its restic repository on that export: mounted into the mover pod of both the
     * source and the restore (VolSync's moverVolumes, NFS from the device's address and the export's path), one
     * folder per app, and the password from the backup's own vault entry; no object-store credentials.
     */
    @Test
    void aBackupToANasExportKeepsItsRepositoryOnTheExport() {
        EmitFixtures.Run run = Compiles.changed(Compiles.homelab(), "homelab.hl", "  to backblaze-b2\n  every 6h",
                "  to synology export backups\n  secret \"volsync/restic-password\" from akeyless\n  every 6h");
        for (AsApplied.Doc d : AsApplied.docs(run, run.file(COMPONENT + "/volsync.yaml"))) {
            String app = d.includedBy().substring(d.includedBy().indexOf('/') + 1);
            JsonNode spec = d.doc().path("spec");
            switch (d.doc().path("kind").asText()) {
                case "ReplicationSource", "ReplicationDestination" -> {
                    JsonNode v = spec.at("/restic/moverVolumes/0");
                    assertEquals("backups", v.path("mountPath").asText(), d.toString());
                    assertEquals("192.168.5.10", v.at("/volumeSource/nfs/server").asText(), "the Synology's address");
                    assertEquals("/volume1/backups", v.at("/volumeSource/nfs/path").asText(), "the export's path");
                }
                default -> {
                    assertEquals("/mnt/backups/volsync/media/" + app, spec.at("/target/template/data/RESTIC_REPOSITORY").asText());
                    assertEquals(List.of("RESTIC_PASSWORD"), spec.path("data").findValuesAsText("secretKey"), "no S3 keys for an export");
                    assertEquals("volsync/restic-password", spec.at("/data/0/remoteRef/key").asText());
                    assertTrue(spec.at("/data/0/remoteRef/property").isMissingNode(), "the whole entry is the password");
                }
            }
        }
    }

    /** To an object store, the backup's own password entry replaces the service's restic-password property. */
    @Test
    void theBackupsOwnPasswordWinsOverTheServicesProperty() {
        EmitFixtures.Run run = Compiles.changed(Compiles.homelab(), "homelab.hl", "  to backblaze-b2\n  every 6h",
                "  to backblaze-b2\n  secret \"volsync/restic-password\" from akeyless\n  every 6h");
        JsonNode es = AsApplied.docs(run, run.file(COMPONENT + "/volsync.yaml")).stream()
                .filter(d -> d.doc().path("kind").asText().equals("ExternalSecret")).findFirst().orElseThrow().doc();
        assertEquals(List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "RESTIC_PASSWORD"), es.at("/spec/data").findValuesAsText("secretKey"));
        assertEquals("volsync/restic-password", es.at("/spec/data/2/remoteRef/key").asText());
        assertTrue(es.at("/spec/data/2/remoteRef/property").isMissingNode());
    }
}
