package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static hlc.emit.FieldPlacementTest.fields;
import static hlc.emit.FieldPlacementTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code flux { layout namespaced }}: the layout of home-ops repositories, read back from the emitted files as a
 * cluster would see them. Each app's Kustomization is in its own namespace, a namespace's kustomization.yaml sets
 * the namespace and adds the components its apps share, variables come from the cluster's Secret, and no
 * cluster-settings ConfigMap is written.
 */
class NamespacedFluxLayoutTest {
    static final String SPEC = """
            network lan {
              cidr 10.0.0.0/24
            }
            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
              vip 10.0.0.5 on lan
              flux {
                LAYOUT
                interval 30m
                namespace media {
                  components [alerts, secrets, kopiur/secret]
                }
                namespace external-secrets {
                  components alerts
                }
              }
            }
            host cp-1 {
              role controlplane
              interface eth0 on lan address 10.0.0.11
            }
            service vault {
              kind vault
            }
            app external-secrets {
              namespace external-secrets
            }
            app secret-stores {
              namespace external-secrets
              depends [external-secrets]
            }
            app rook-ceph {
              namespace rook-ceph
              prune false
            }
            app rook-ceph-cluster {
              namespace rook-ceph
              path "./kubernetes/apps/rook-ceph/rook-ceph/cluster"
              depends [rook-ceph]
              prune false
              wait
            }
            app plex {
              namespace media
              depends [secret-stores@external-secrets, rook-ceph-cluster@rook-ceph]
              components [kopiur/backup, zeroscaler]
              interval 2h
              var APP "plex"
              var PLEX_TOKEN secret "plex/token" from vault
            }
            app sonarr {
              namespace media
              depends [plex, secret-stores@external-secrets]
            }
            """;

    static final String NAMESPACED = "layout namespaced\n    substitute-from cluster-secrets";

    static EmitFixtures.Run run;

    @BeforeAll
    static void emit() {
        run = EmitFixtures.emitClean(SPEC.replace("LAYOUT", NAMESPACED));
    }

    static List<String> dependsOn(JsonNode ks) {
        List<String> out = new ArrayList<>();
        ks.at("/spec/dependsOn").forEach(d -> out.add(d.path("name").asText() + "@" + d.path("namespace").asText("(none)")));
        return out;
    }

    @Test
    void eachAppsKustomizationIsInItsOwnNamespaceAndTargetsIt() {
        Map<String, JsonNode> ks = run.appKustomizations();
        assertEquals(List.of("external-secrets/external-secrets", "external-secrets/secret-stores", "media/plex",
                "media/sonarr", "rook-ceph/rook-ceph", "rook-ceph/rook-ceph-cluster"), List.copyOf(ks.keySet()));
        ks.forEach((key, doc) -> {
            String ns = key.substring(0, key.indexOf('/'));
            assertEquals(ns, doc.at("/spec/targetNamespace").asText(), key);
            assertEquals(Map.of("kind", "GitRepository", "name", "flux-system", "namespace", "flux-system"),
                    fields(doc.at("/spec/sourceRef")), key);
        });
        assertEquals("2h", ks.get("media/plex").at("/spec/interval").asText());
        assertEquals("30m", ks.get("media/sonarr").at("/spec/interval").asText(), "the flux block's interval is the default");
        assertFalse(ks.get("rook-ceph/rook-ceph-cluster").at("/spec/prune").asBoolean());
        assertTrue(ks.get("rook-ceph/rook-ceph-cluster").at("/spec/wait").asBoolean());
        assertTrue(ks.get("media/sonarr").at("/spec/prune").asBoolean());
    }

    /** Flux looks a dependency up in the namespace it is given, else in the Kustomization's own. */
    @Test
    void aDependencyAcrossNamespacesGetsItsNamespaceAndOneWithinNamespaceItsOwn() {
        Map<String, JsonNode> ks = run.appKustomizations();
        assertEquals(List.of("secret-stores@external-secrets", "rook-ceph-cluster@rook-ceph"), dependsOn(ks.get("media/plex")));
        assertEquals(List.of("secret-stores@external-secrets", "plex@media"), dependsOn(ks.get("media/sonarr")));
        assertEquals(List.of("external-secrets@external-secrets"), dependsOn(ks.get("external-secrets/secret-stores")));
        assertTrue(ks.get("rook-ceph/rook-ceph").at("/spec/dependsOn").isMissingNode());
        // every dependency names a Kustomization that exists where it says
        ks.forEach((key, doc) -> dependsOn(doc).forEach(d -> {
            String[] nameAt = d.split("@");
            assertTrue(ks.containsKey(nameAt[1] + "/" + nameAt[0]), key + " depends on " + d + ", which is not emitted");
        }));
    }

    @Test
    void theNamespacesKustomizationSetsItListsExactlyItsAppsAndAddsTheSharedComponents() {
        JsonNode media = run.doc("flux/apps/media/kustomization.yaml");
        assertEquals("kustomize.config.k8s.io/v1beta1", media.path("apiVersion").asText());
        assertEquals("media", media.path("namespace").asText());
        // Read from the folder the file is really in, out/flux/apps/media (no flux path: out/ at the repository's
        // root), they are the repository's kubernetes/components/*.
        assertEquals(List.of("../../../../kubernetes/components/alerts", "../../../../kubernetes/components/secrets",
                        "../../../../kubernetes/components/kopiur/secret"), texts(media.path("components")));
        assertEquals(List.of("./namespace.yaml", "./plex/ks.yaml", "./plex/plex-secrets.yaml", "./sonarr/ks.yaml"),
                texts(media.path("resources")));
        for (String listed : texts(media.path("resources"))) {
            assertTrue(run.has("flux/apps/media/" + listed.substring(2)), listed + " is listed but not written");
        }
        // relative to the namespace folder, the components are in the repository's components folder
        for (String c : texts(media.path("components"))) {
            assertTrue(resolve("out/flux/apps/media", c).startsWith("kubernetes/components/"), c);
        }
        JsonNode rook = run.doc("flux/apps/rook-ceph/kustomization.yaml");
        assertTrue(rook.path("components").isMissingNode(), "a namespace without shared components lists none");
        assertEquals(List.of("./namespace.yaml", "./rook-ceph/ks.yaml"), texts(rook.path("resources")));
        assertEquals(List.of("../../../../kubernetes/components/alerts"),
                texts(run.doc("flux/apps/external-secrets/kustomization.yaml").path("components")));
        assertEquals("Namespace", run.doc("flux/apps/media/namespace.yaml").path("kind").asText());
        assertEquals(List.of("./external-secrets", "./media", "./rook-ceph"),
                texts(run.doc("flux/apps/kustomization.yaml").path("resources")));
    }

    /** rook-ceph-cluster's path is in rook-ceph's folder, so its Kustomization is in rook-ceph/ks.yaml too. */
    @Test
    void appsWhosePathsShareAFolderShareItsKsYaml() {
        List<JsonNode> docs = EmitFixtures.docs(run.file("flux/apps/rook-ceph/rook-ceph/ks.yaml"));
        assertEquals(List.of("rook-ceph", "rook-ceph-cluster"), docs.stream().map(d -> d.at("/metadata/name").asText()).toList());
        assertFalse(run.has("flux/apps/rook-ceph/rook-ceph-cluster/ks.yaml"));
    }

    @Test
    void anAppWhosePathIsNotInItsNamespacesFolderGetsAFolderNamedAfterIt() {
        EmitFixtures.Run r = EmitFixtures.emitClean(SPEC.replace("LAYOUT", NAMESPACED)
                + "app tool {\n  namespace media\n  path \"./elsewhere/tool\"\n}\n"
                + "app odd {\n  namespace media\n  path \"./kubernetes/apps/media/namespace.yaml/app\"\n}\n");
        assertEquals("./elsewhere/tool", r.doc("flux/apps/media/tool/ks.yaml").at("/spec/path").asText());
        assertEquals("odd", r.doc("flux/apps/media/odd/ks.yaml").at("/metadata/name").asText());
        assertEquals(List.of("./namespace.yaml", "./odd/ks.yaml", "./plex/ks.yaml", "./plex/plex-secrets.yaml",
                "./sonarr/ks.yaml", "./tool/ks.yaml"), texts(r.doc("flux/apps/media/kustomization.yaml").path("resources")));
    }

    @Test
    void anAppsOwnComponentsAreRelativeToItsPathWhereFluxReadsThem() {
        JsonNode plex = run.appKustomizations().get("media/plex");
        List<String> components = texts(plex.at("/spec/components"));
        assertEquals(2, components.size(), components.toString());
        String path = plex.at("/spec/path").asText();
        assertEquals(List.of("kubernetes/components/kopiur/backup", "kubernetes/components/zeroscaler"),
                components.stream().map(c -> resolve(path, c)).toList());
        assertTrue(run.appKustomizations().get("media/sonarr").at("/spec/components").isMissingNode());
    }

    @Test
    void theRootAppliesTheAppsFolderFromFluxSystemWithNothingToSubstitute() {
        JsonNode root = run.doc("flux/cluster/cluster-apps.yaml");
        assertEquals("cluster-apps", root.at("/metadata/name").asText());
        assertEquals("flux-system", root.at("/metadata/namespace").asText());
        assertEquals("./out/flux/apps", root.at("/spec/path").asText(), "where the ks.yaml files are: out/ at the root");
        assertTrue(root.at("/spec/prune").asBoolean());
        assertEquals("30m", root.at("/spec/interval").asText());
        assertTrue(root.at("/spec/postBuild").isMissingNode(), "there is no cluster-settings ConfigMap to substitute from");
    }

    @Test
    void everyAppSubstitutesFromTheClusterSecretThenItsOwnSecrets() {
        Map<String, JsonNode> ks = run.appKustomizations();
        ks.forEach((key, doc) -> {
            List<String> from = new ArrayList<>();
            doc.at("/spec/postBuild/substituteFrom").forEach(s -> from.add(s.path("kind").asText() + " " + s.path("name").asText()));
            List<String> expected = key.equals("media/plex")
                    ? List.of("Secret cluster-secrets", "Secret plex-secrets") : List.of("Secret cluster-secrets");
            assertEquals(expected, from, key);
        });
        assertEquals(Map.of("APP", "plex"), fields(ks.get("media/plex").at("/spec/postBuild/substitute")));
        JsonNode secrets = run.doc("flux/apps/media/plex/plex-secrets.yaml");
        assertEquals("media", secrets.at("/metadata/namespace").asText(), "the Secret must be where the Kustomization reads it");
        assertEquals("plex/token", secrets.at("/spec/data/0/remoteRef/key").asText());
    }

    @Test
    void noConfigMapIsWrittenInThisLayoutButTheFlatOneKeepsIt() {
        for (RenderedFile f : run.files()) {
            for (JsonNode doc : EmitFixtures.docs(f)) {
                assertFalse(doc.path("kind").asText().equals("ConfigMap"), f.path() + " is a ConfigMap");
            }
        }
        EmitFixtures.Run flat = EmitFixtures.emitClean(SPEC.replace("LAYOUT", ""));
        assertEquals("ConfigMap", flat.doc("flux/cluster/cluster-settings.yaml").path("kind").asText());
        assertEquals("flux-system", flat.doc("flux/apps/media/plex.yaml").at("/metadata/namespace").asText());
    }

    /** Flux reads an app's components from its path whichever namespace its Kustomization is in. */
    @Test
    void theFlatLayoutGivesAnAppItsComponentsToo() {
        EmitFixtures.Run flat = EmitFixtures.emitClean(SPEC.replace("LAYOUT", ""));
        JsonNode plex = flat.doc("flux/apps/media/plex.yaml");
        assertEquals(List.of("kubernetes/components/kopiur/backup", "kubernetes/components/zeroscaler"),
                texts(plex.at("/spec/components")).stream().map(c -> resolve(plex.at("/spec/path").asText(), c)).toList());
    }

    @Test
    void theFlatLayoutSubstitutesFromTheClusterSecretTooWhenTheSpecNamesOne() {
        EmitFixtures.Run flat = EmitFixtures.emitClean(SPEC.replace("LAYOUT", "substitute-from cluster-secrets"));
        List<String> from = new ArrayList<>();
        flat.doc("flux/apps/media/plex.yaml").at("/spec/postBuild/substituteFrom")
                .forEach(s -> from.add(s.path("kind").asText() + " " + s.path("name").asText()));
        assertEquals(List.of("ConfigMap cluster-settings", "Secret cluster-secrets", "Secret plex-secrets"), from);
    }

    /** The same spec, declared in another order, gives the same bytes. */
    @Test
    void theOutputDoesNotDependOnTheOrderOfDeclarations() {
        String spec = SPEC.replace("LAYOUT", NAMESPACED);
        int apps = spec.indexOf("app external-secrets");
        String[] blocks = spec.substring(apps).split("\n(?=app )");
        List<String> reversed = new ArrayList<>(List.of(blocks));
        java.util.Collections.reverse(reversed);
        String shuffled = spec.substring(0, apps) + String.join("\n", reversed.stream().map(String::strip).toList()) + "\n";
        EmitFixtures.Run other = EmitFixtures.emitClean(shuffled);
        assertEquals(run.paths(), other.paths());
        for (RenderedFile f : run.files()) assertEquals(f.content(), other.file(f.path()).content(), f.path());
    }

    /** A repository path with {@code ..} applied, as Kustomize and Flux resolve it. */
    static String resolve(String dir, String relative) {
        return Path.of(dir).resolve(relative).normalize().toString().replace('\\', '/');
    }
}
