package hlc.adopt;

import hlc.cli.Main;
import hlc.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repository the import cannot trust: each problem is one clear finding at its file and line, and when the
 * import cannot read past it, nothing is written. A SOPS-encrypted file is reported and skipped, never decrypted.
 */
class HostileRepositoryTest {
    @TempDir
    Path tmp;

    /** The smallest tree: the root Kustomization, one namespace folder, one app. */
    private Path repo() throws IOException {
        Path r = tmp.resolve("repo");
        write(r, "kubernetes/flux/cluster/ks.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: cluster-apps
                  namespace: flux-system
                spec:
                  interval: 1h
                  path: ./kubernetes/apps
                  prune: true
                  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                """);
        write(r, "kubernetes/apps/media/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: media
                resources:
                  - ./plex/ks.yaml
                """);
        write(r, "kubernetes/apps/media/plex/ks.yaml", plex(""));
        return r;
    }

    private static String plex(String substitute) {
        return """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: plex
                spec:
                  interval: 1h
                  path: ./kubernetes/apps/media/plex/app
                  prune: true
                  targetNamespace: media
                  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                """ + substitute;
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Diagnostic only(ImportResult r, ImportCode code) {
        List<Diagnostic> found = r.findings().sorted().stream().filter(d -> d.code().equals(code.name())).toList();
        assertEquals(1, found.size(), r.findings().render());
        return found.get(0);
    }

    /** `hlc import` refuses: exit 1, and the output folder is not even created. */
    private void nothingWritten(Path repo) {
        Path out = tmp.resolve("out");
        assertEquals(1, Main.run("import", repo.toString(), "-o", out.toString()));
        assertFalse(Files.exists(out), "the import wrote " + out);
    }

    @Test
    void theSmallTreeImports() throws Exception {
        ImportResult r = Importer.run(repo(), "lab", null);
        assertFalse(r.findings().hasErrors(), r.findings().render());
        assertEquals(1, r.kustomizations());
        assertTrue(r.files().get("lab/media.hl").contains("app plex {"));
    }

    @Test
    void malformedYamlIsReportedAtItsLine() throws Exception {
        Path repo = repo();
        write(repo, "kubernetes/apps/media/plex/ks.yaml", plex("  postBuild:\n    substitute: {APP: plex\n"));
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP01);
        assertEquals("kubernetes/apps/media/plex/ks.yaml", d.span().path());
        assertTrue(d.span().line() >= 12, "line " + d.span().line());
        assertTrue(d.message().contains("is not valid YAML"), d.message());
        nothingWritten(repo);
    }

    @Test
    void aCycleOfKustomizeResourcesIsReported() throws Exception {
        Path repo = repo();
        write(repo, "kubernetes/apps/media/kustomization.yaml", """
                namespace: media
                resources:
                  - ./plex/ks.yaml
                  - ../more
                """);
        write(repo, "kubernetes/apps/more/kustomization.yaml", "resources:\n  - ../media\n");
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP05);
        assertEquals("kubernetes/apps/more/kustomization.yaml", d.span().path());
        assertEquals(2, d.span().line());
        nothingWritten(repo);
    }

    @Test
    void aKustomizationApplyingAFolderBeingAppliedIsACycle() throws Exception {
        Path repo = repo();
        write(repo, "kubernetes/apps/media/plex/ks.yaml", plex("").replace("./kubernetes/apps/media/plex/app", "./kubernetes/flux/cluster"));
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP05);
        assertEquals("kubernetes/apps/media/plex/ks.yaml", d.span().path());
        assertEquals(7, d.span().line()); // its `path:`
        assertTrue(d.message().contains("kubernetes/flux/cluster -> kubernetes/apps -> kubernetes/flux/cluster"), d.message());
        nothingWritten(repo);
    }

    @Test
    void aPathLeavingTheRepositoryIsNotFollowed() throws Exception {
        Path repo = repo();
        Files.writeString(tmp.resolve("outside.yaml"), plex(""));
        write(repo, "kubernetes/apps/media/kustomization.yaml", "namespace: media\nresources:\n  - ./plex/ks.yaml\n  - ../../../../outside.yaml\n");
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP04);
        assertEquals(4, d.span().line());
        assertTrue(d.message().contains("leaves the repository"), d.message());
        nothingWritten(repo);
    }

    @Test
    void aSymbolicLinkOutOfTheRepositoryIsNotFollowed() throws Exception {
        Path repo = repo();
        Path secret = tmp.resolve("elsewhere.yaml");
        Files.writeString(secret, plex(""));
        Files.delete(repo.resolve("kubernetes/apps/media/plex/ks.yaml"));
        Files.createSymbolicLink(repo.resolve("kubernetes/apps/media/plex/ks.yaml"), secret);
        only(Importer.run(repo, "lab", null), ImportCode.IMP04);
        nothingWritten(repo);
    }

    @Test
    void aFiftyMegabyteFileIsNotRead() throws Exception {
        Path repo = repo();
        Path big = repo.resolve("kubernetes/apps/media/plex/ks.yaml");
        byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n".getBytes();
        try (var out = Files.newOutputStream(big)) {
            out.write(plex("").getBytes());
            for (long n = 0; n < 50L * 1024 * 1024 / line.length; n++) out.write(line);
        }
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP02);
        assertTrue(d.message().contains("50 MiB"), d.message());
        nothingWritten(repo);
    }

    @Test
    void aYamlBombIsRefusedNotExpanded() throws Exception {
        Path repo = repo();
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        write(repo, "kubernetes/apps/media/plex/ks.yaml", bomb.toString());
        Diagnostic d = only(Importer.run(repo, "lab", null), ImportCode.IMP01);
        assertTrue(d.message().contains("cannot be read safely"), d.message());
        nothingWritten(repo);
    }

    @Test
    void aSopsFileIsReportedAndSkippedAndNothingOfItIsWritten() throws Exception {
        Path repo = repo();
        write(repo, "kubernetes/apps/media/kustomization.yaml", "namespace: media\nresources:\n  - ./plex/ks.yaml\n  - ./secret.sops.yaml\n");
        write(repo, "kubernetes/apps/media/secret.sops.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: media-secret
                stringData:
                  PLEX_TOKEN: ENC[AES256_GCM,data:c2VjcmV0,iv:aXY=,tag:dGFn,type:str]
                sops:
                  mac: ENC[AES256_GCM,data:bWFj,iv:aXY=,tag:dGFn,type:str]
                  version: 3.9.0
                """);
        ImportResult r = Importer.run(repo, "lab", null);
        Diagnostic d = only(r, ImportCode.IMP03);
        assertEquals("kubernetes/apps/media/secret.sops.yaml", d.span().path());
        assertEquals(6, d.span().line()); // the first encrypted value
        assertFalse(r.findings().hasErrors(), "a SOPS file is skipped, not fatal");
        Path out = tmp.resolve("out");
        assertEquals(0, Main.run("import", repo.toString(), "-o", out.toString()) & ~1); // the spec has findings of its own
        for (String text : r.files().values()) {
            assertFalse(text.contains("ENC["), text);
            assertFalse(text.contains("PLEX_TOKEN"), text);
        }
    }

    @Test
    void aSecretValueBecomesAVaultReferenceAndAFinding() throws Exception {
        Path repo = repo();
        String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
        write(repo, "kubernetes/apps/media/plex/ks.yaml", plex("  postBuild:\n    substitute:\n      APP: plex\n      GITHUB: " + token + "\n"));
        ImportResult r = Importer.run(repo, "lab", null);
        Diagnostic d = only(r, ImportCode.IMP06);
        assertEquals(14, d.span().line());
        assertTrue(d.sensitive(), "the finding masks the value it points at");
        String media = r.files().get("lab/media.hl");
        assertFalse(media.contains(token), media);
        assertTrue(media.contains("var GITHUB secret \"plex/GITHUB\" from vault"), media);
        assertTrue(media.contains("var APP \"plex\""), media);
        assertTrue(r.files().get("lab.hl").contains("service vault {"));
    }
}
