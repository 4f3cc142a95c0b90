package hlc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.diag.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each element of a small spec lands in the field of the emitted document that means it, per target. The files
 * are read back with plain Jackson, so these assertions are about the YAML a cluster would see, not the
 * templates' text.
 */
class FieldPlacementTest {
    static final String I915_SCHEMATIC = "dc8730aa8cc7bfa5ef7e2b3284248f2631135b2faf4ae11aa997a0c1987b0eee";

    /** Three control planes (one with a bond, a GPU and a Ceph link selected by driver) and one worker. */
    static final String SPEC = """
            site lab {
              domain example.org
            }
            network lan {
              cidr 10.0.0.0/24
              gateway gw
              dns [gw]
            }
            network storage {
              cidr 10.1.0.0/24
            }
            cluster main {
              talos v1.10.7
              kubernetes v1.33.3
              vip 10.0.0.5 on lan
              cni cilium
              kube-proxy false
              loadbalancer lb-int 10.0.0.50 on lan
              flux {
                path "./k/flux/cluster"
                interval 30m
              }
            }
            host cp-1 {
              role controlplane
              install-disk "/dev/nvme0n1"
              gpu i915
              interface eth0 driver e1000e
              interface bond0 on lan address 10.0.0.11 bond active-backup [eth0]
              interface st0 on storage address 10.1.0.11 driver r8169
              osd "/dev/sdb"
            }
            host cp-2 {
              role controlplane
              install-disk "/dev/sda"
              interface eth0 on lan address 10.0.0.12
              interface eth1 on storage address 10.1.0.12
              osd "/dev/sdb"
            }
            host cp-3 {
              role controlplane
              interface eth0 on lan address 10.0.0.13
              interface eth1 on storage address 10.1.0.13
              osd "/dev/sdb"
            }
            WORKER
            device gw {
              kind gateway
              address 10.0.0.1 on lan
            }
            device nas {
              kind nas
              address 10.0.0.10 on lan
              dns nas.example.org
              export media "/volume1/media"
            }
            ceph rook-ceph {
              public-network lan
              cluster-network storage
              pool blk {
                replicas 3
                min-size 2
                failure-domain host
                compression aggressive zstd
              }
            }
            storage-class fast {
              ceph blk
              default
              filesystem xfs
              expandable
            }
            storage-class local {
              hostpath "/var/mnt/local"
            }
            storage-class media {
              nfs media on nas
              reclaim retain
            }
            service vault {
              kind vault
              endpoint "https://vault.example.org"
            }
            app base { namespace infra }
            app zeta { namespace infra }
            app db {
              namespace data
              depends [zeta, base]
              prune false
              wait
              interval 1d
              timeout 90s
              var GREETING "hello"
              var DB_PASSWORD secret "db/password" from vault
              route db.example.org via lb-int
            }
            """;

    static final String WORKER = """
            host w-1 {
              role worker
              install-disk "/dev/vda"
              interface eth0 on lan address 10.0.0.21
            }
            """;

    static EmitFixtures.Run withWorker;
    static EmitFixtures.Run noWorker;

    @BeforeAll
    static void emit() {
        withWorker = EmitFixtures.emitClean(SPEC.replace("WORKER\n", WORKER));
        noWorker = EmitFixtures.emitClean(SPEC.replace("WORKER\n", ""));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, String> fields(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /**
     * A spec value that hlc's own output schemas reject must be reported as a spec error at the value, not as
     * HL098 ("a bug in hlc's templates or schemas, not in your spec") at line 1.
     */
    @Test
    void valuesTheOutputSchemasRejectAreSpecErrorsAtTheValue() {
        String base = SPEC.replace("WORKER\n", "");
        Map<String, String> cases = new TreeMap<>(Map.of(
                "install-disk \"nvme0n1\"", base.replace("install-disk \"/dev/nvme0n1\"", "install-disk \"nvme0n1\""),
                "path \"\"", base.replace("  namespace data\n", "  namespace data\n  path \"\"\n"),
                "secret \"\"", base.replace("secret \"db/password\"", "secret \"\"")));
        List<String> wrong = new ArrayList<>();
        cases.forEach((value, text) -> {
            assertTrue(text.contains(value), value);
            int line = 1 + (int) text.substring(0, text.indexOf(value)).chars().filter(c -> c == '\n').count();
            EmitFixtures.Run run = EmitFixtures.emitText(text);
            List<Diagnostic> errors = run.reporter().sorted().stream().filter(Diagnostic::isError).toList();
            boolean internal = errors.stream().anyMatch(d -> d.code().equals("HL098") || d.code().equals("HL099"));
            boolean atValue = errors.stream().anyMatch(d -> d.span().line() == line);
            if (errors.isEmpty() || internal || !atValue) wrong.add(value + " (line " + line + "):" + run.findings());
        });
        assertEquals(List.of(), wrong);
    }

    /** A Go duration ("1h30m", "1.5s", "250ms") in milliseconds. */
    static long goMillis(String go) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)").matcher(go);
        double total = 0;
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "not a Go duration: " + go);
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            end = m.end();
        }
        assertEquals(go.length(), end, "not a Go duration: " + go);
        return Math.round(total);
    }

    @Nested
    class Flux {
        @Test
        void appNamespaceIsTheTargetNamespaceAndTheFolder() {
            JsonNode db = withWorker.doc("flux/apps/data/db.yaml");
            assertEquals("Kustomization", db.path("kind").asText());
            assertEquals("db", db.at("/metadata/name").asText());
            assertEquals("flux-system", db.at("/metadata/namespace").asText());
            assertEquals("data", db.at("/spec/targetNamespace").asText());
            assertEquals("infra", withWorker.doc("flux/apps/infra/base.yaml").at("/spec/targetNamespace").asText());
            assertEquals("data", withWorker.doc("flux/apps/data/namespace.yaml").at("/metadata/name").asText());
            assertEquals(List.of("./base.yaml", "./namespace.yaml", "./zeta.yaml"),
                    texts(withWorker.doc("flux/apps/infra/kustomization.yaml").path("resources")));
            assertEquals(List.of("./data", "./infra"), texts(withWorker.doc("flux/apps/kustomization.yaml").path("resources")));
            // The flux path names the sync folder, so the output folder is ./k and the apps are its flux/apps.
            assertEquals("./k/flux/apps", withWorker.doc("flux/cluster/cluster-apps.yaml").at("/spec/path").asText());
            assertEquals("30m", withWorker.doc("flux/cluster/cluster-apps.yaml").at("/spec/interval").asText());
        }

        @Test
        void dependsBecomeDependsOnNamesSorted() {
            JsonNode deps = withWorker.doc("flux/apps/data/db.yaml").at("/spec/dependsOn");
            List<String> names = new ArrayList<>();
            deps.forEach(d -> names.add(d.path("name").asText()));
            assertEquals(List.of("base", "zeta"), names);
            assertTrue(withWorker.doc("flux/apps/infra/base.yaml").at("/spec/dependsOn").isMissingNode(),
                    "an app without depends has no dependsOn");
        }

        @Test
        void pruneWaitIntervalAndTimeout() {
            JsonNode spec = withWorker.doc("flux/apps/data/db.yaml").path("spec");
            assertTrue(spec.path("prune").isBoolean() && !spec.path("prune").booleanValue(), "prune false: " + spec.path("prune"));
            assertTrue(spec.path("wait").isBoolean() && spec.path("wait").booleanValue(), "wait: " + spec.path("wait"));
            assertEquals("24h", spec.path("interval").asText(), "1d in Go duration syntax");
            assertEquals("1m30s", spec.path("timeout").asText(), "90s in Go duration syntax");

            JsonNode base = withWorker.doc("flux/apps/infra/base.yaml").path("spec");
            assertTrue(base.path("prune").booleanValue(), "prune defaults to true");
            assertFalse(base.path("wait").booleanValue(), "wait defaults to false");
            assertEquals("30m", base.path("interval").asText(), "the flux interval is the default");
        }

        /** The timeout a spec gives, as the Go duration in the emitted Kustomization. */
        String emittedTimeout(String duration) {
            EmitFixtures.Run run = EmitFixtures.emitClean(SPEC.replace("WORKER\n", "").replace("timeout 90s", "timeout " + duration));
            return run.doc("flux/apps/data/db.yaml").at("/spec/timeout").asText();
        }

        @Test
        void durationsKeepTheirValueInGoSyntax() {
            Map<String, String> expected = new TreeMap<>(Map.of("1d12h", "36h", "90m", "1h30m", "45s", "45s", "2h0m5s", "2h5s"));
            expected.forEach((spec, go) -> assertEquals(go, emittedTimeout(spec), spec));
        }
        @Test
        void subSecondDurationsKeepTheirValue() {
            for (String spec : List.of("1500ms", "500ms", "1s250ms")) {
                long millis = goMillis(emittedTimeout(spec));
                long want = spec.equals("1500ms") ? 1500 : spec.equals("500ms") ? 500 : 1250;
                assertEquals(want, millis, spec + " became " + emittedTimeout(spec));
            }
        }

        @Test
        void literalVarsAreSubstitutedAndSecretVarsComeFromAnExternalSecret() {
            JsonNode postBuild = withWorker.doc("flux/apps/data/db.yaml").at("/spec/postBuild");
            assertEquals(Map.of("GREETING", "hello"), fields(postBuild.path("substitute")),
                    "only the literal is substituted inline; the secret never is");
            List<String> from = new ArrayList<>();
            postBuild.path("substituteFrom").forEach(s -> from.add(s.path("kind").asText() + "/" + s.path("name").asText()));
            assertEquals(List.of("ConfigMap/cluster-settings", "Secret/db-secrets"), from);

            JsonNode es = withWorker.doc("flux/apps/data/db-secrets.yaml");
            assertEquals("ExternalSecret", es.path("kind").asText());
            assertEquals("db-secrets", es.at("/metadata/name").asText());
            assertEquals("flux-system", es.at("/metadata/namespace").asText(), "beside the Kustomization that reads it");
            assertEquals("db-secrets", es.at("/spec/target/name").asText());
            assertEquals("vault", es.at("/spec/secretStoreRef/name").asText());
            assertEquals(1, es.at("/spec/data").size());
            assertEquals("DB_PASSWORD", es.at("/spec/data/0/secretKey").asText());
            assertEquals("db/password", es.at("/spec/data/0/remoteRef/key").asText());
            assertTrue(texts(withWorker.doc("flux/apps/data/kustomization.yaml").path("resources")).contains("./db-secrets.yaml"));

            assertFalse(withWorker.has("flux/apps/infra/base-secrets.yaml"), "no ExternalSecret without secret vars");
            List<String> baseFrom = new ArrayList<>();
            withWorker.doc("flux/apps/infra/base.yaml").at("/spec/postBuild/substituteFrom")
                    .forEach(s -> baseFrom.add(s.path("kind").asText()));
            assertEquals(List.of("ConfigMap"), baseFrom);
        }

        @Test
        void clusterSettingsCarryTheDerivedVariables() {
            JsonNode cm = withWorker.doc("flux/cluster/cluster-settings.yaml");
            assertEquals("ConfigMap", cm.path("kind").asText());
            assertEquals("cluster-settings", cm.at("/metadata/name").asText());
            Map<String, String> data = fields(cm.path("data"));
            assertEquals("10.0.0.5", data.get("CLUSTER_VIP"));
            assertEquals("10.0.0.10", data.get("NAS_IP"));
            assertEquals("10.0.0.0/24", data.get("NET_LAN_CIDR"));
            assertEquals("10.1.0.0/24", data.get("NET_STORAGE_CIDR"));
            assertEquals("10.0.0.50", data.get("LB_LB_INT_IP"));
            assertEquals("example.org", data.get("SITE_DOMAIN"));
        }
    }

    @Nested
    class Storage {
        @Test
        void onlyTheDefaultClassHasTheDefaultAnnotation() {
            String key = "storageclass.kubernetes.io/is-default-class";
            assertEquals("true", withWorker.doc("storage/classes/fast.yaml").at("/metadata/annotations").path(key).asText());
            for (String other : List.of("local", "media")) {
                JsonNode ann = withWorker.doc("storage/classes/" + other + ".yaml").at("/metadata/annotations");
                assertTrue(ann.path(key).isMissingNode(), other + " must not be marked default: " + ann);
            }
        }

        @Test
        void cephClassUsesTheRbdProvisionerAndItsPool() {
            JsonNode sc = withWorker.doc("storage/classes/fast.yaml");
            assertEquals("rook-ceph.rbd.csi.ceph.com", sc.path("provisioner").asText());
            assertEquals("blk", sc.at("/parameters/pool").asText());
            assertEquals("rook-ceph", sc.at("/parameters/clusterID").asText());
            assertEquals("xfs", sc.at("/parameters/csi.storage.k8s.io~1fstype").asText());
            assertTrue(sc.path("allowVolumeExpansion").booleanValue());
            assertEquals("Delete", sc.path("reclaimPolicy").asText());
        }

        @Test
        void nfsAndHostpathClasses() {
            JsonNode nfs = withWorker.doc("storage/classes/media.yaml");
            assertEquals("nfs.csi.k8s.io", nfs.path("provisioner").asText());
            assertEquals("nas.example.org", nfs.at("/parameters/server").asText());
            assertEquals("/volume1/media", nfs.at("/parameters/share").asText());
            assertEquals("Retain", nfs.path("reclaimPolicy").asText());
            JsonNode hp = withWorker.doc("storage/classes/local.yaml");
            assertEquals("openebs.io/local", hp.path("provisioner").asText());
            assertEquals("WaitForFirstConsumer", hp.path("volumeBindingMode").asText());
            assertTrue(hp.at("/metadata/annotations/cas.openebs.io~1config").asText().contains("/var/mnt/local"));
        }

        @Test
        void cephBlockPoolReplicationAndParameters() {
            JsonNode pool = withWorker.doc("storage/ceph/blk.yaml");
            assertEquals("CephBlockPool", pool.path("kind").asText());
            assertEquals("rook-ceph", pool.at("/metadata/namespace").asText());
            assertEquals("host", pool.at("/spec/failureDomain").asText());
            assertEquals(3, pool.at("/spec/replicated/size").intValue());
            assertTrue(pool.at("/spec/replicated/size").isInt(), "size is a number");
            assertEquals("2", pool.at("/spec/parameters/min_size").asText());
            assertTrue(pool.at("/spec/parameters/min_size").isTextual(), "Ceph pool parameters are strings");
            assertEquals("aggressive", pool.at("/spec/parameters/compression_mode").asText());
            assertEquals("zstd", pool.at("/spec/parameters/compression_algorithm").asText());
        }
    }

    @Nested
    class Dns {
        Map<String, String> endpointRecords() {
            Map<String, String> recs = new TreeMap<>();
            for (JsonNode doc : EmitFixtures.docs(withWorker.file("dns/dnsendpoints.yaml"))) {
                assertEquals("DNSEndpoint", doc.path("kind").asText());
                for (JsonNode e : doc.at("/spec/endpoints")) {
                    assertEquals(1, e.path("targets").size());
                    recs.put(e.path("dnsName").asText(), e.path("recordType").asText() + " " + e.at("/targets/0").asText());
                }
            }
            return recs;
        }

        @Test
        void hostsDevicesAndRoutes() {
            Map<String, String> recs = endpointRecords();
            assertEquals("A 10.0.0.11", recs.get("cp-1.example.org"), "the host's address on the VIP network, not 10.1.0.11");
            assertEquals("A 10.0.0.21", recs.get("w-1.example.org"));
            assertEquals("A 10.0.0.10", recs.get("nas.example.org"), "a device's dns name");
            assertEquals("A 10.0.0.1", recs.get("gw.example.org"), "a device without dns names is <device>.<domain>");
            assertFalse(recs.containsKey("nas.example.org.example.org"));
            assertEquals("A 10.0.0.50", recs.get("db.example.org"), "an app route points at its load balancer");
        }

        @Test
        void unifiJsonHasTheControllerFieldsSortedByKey() {
            JsonNode json = withWorker.doc("dns/unifi-static-dns.json");
            List<String> keys = new ArrayList<>();
            for (JsonNode r : json.path("records")) {
                List<String> names = new ArrayList<>();
                r.fieldNames().forEachRemaining(names::add);
                assertEquals(List.of("key", "record_type", "value", "ttl", "enabled"), names);
                assertTrue(r.path("ttl").isInt() && r.path("enabled").isBoolean() && r.path("enabled").booleanValue());
                keys.add(r.path("key").asText());
            }
            assertEquals(keys.stream().sorted().toList(), keys, "records sorted by key");
            Map<String, String> recs = endpointRecords();
            assertEquals(recs.keySet().stream().toList(), keys, "the same records as the DNSEndpoints");
            for (JsonNode r : json.path("records")) {
                assertEquals(recs.get(r.path("key").asText()), r.path("record_type").asText() + " " + r.path("value").asText());
            }
        }
    }

    @Nested
    class Talos {
        JsonNode link(JsonNode config, String selector) {
            for (JsonNode l : config.at("/machine/network/interfaces")) {
                String s = l.has("interface") ? l.path("interface").asText() : "driver:" + l.at("/deviceSelector/driver").asText();
                if (s.equals(selector)) return l;
            }
            throw new AssertionError("no link " + selector + " in " + config.at("/machine/network/interfaces"));
        }

        @Test
        void hostnameDiskAddressesAndRoutes() {
            JsonNode cp1 = withWorker.doc("talos/cp-1.yaml");
            assertEquals("controlplane", cp1.at("/machine/type").asText());
            assertEquals("cp-1", cp1.at("/machine/network/hostname").asText());
            assertEquals("/dev/nvme0n1", cp1.at("/machine/install/disk").asText());
            assertEquals("/dev/sda", withWorker.doc("talos/cp-3.yaml").at("/machine/install/disk").asText(),
                    "the default install disk");
            JsonNode bond = link(cp1, "bond0");
            assertEquals(List.of("10.0.0.11/24"), texts(bond.path("addresses")));
            assertEquals(1, bond.path("routes").size());
            assertEquals("0.0.0.0/0", bond.at("/routes/0/network").asText());
            assertEquals("10.0.0.1", bond.at("/routes/0/gateway").asText());
            JsonNode ceph = link(cp1, "driver:r8169");
            assertEquals(List.of("10.1.0.11/24"), texts(ceph.path("addresses")));
            assertTrue(ceph.path("routes").isMissingNode(), "the default route is only on the gateway's network");
            assertEquals(List.of("10.0.0.1"), texts(cp1.at("/machine/network/nameservers")));

            JsonNode cp2 = withWorker.doc("talos/cp-2.yaml");
            assertTrue(link(cp2, "eth1").path("routes").isMissingNode());
            assertEquals("10.0.0.1", link(cp2, "eth0").at("/routes/0/gateway").asText());
        }

        @Test
        void bondByDriverAndVipOnlyOnControlPlanesOnTheVipNetwork() {
            JsonNode cp1 = withWorker.doc("talos/cp-1.yaml");
            JsonNode bond = link(cp1, "bond0");
            assertEquals("active-backup", bond.at("/bond/mode").asText());
            assertEquals("e1000e", bond.at("/bond/deviceSelectors/0/driver").asText());
            assertEquals("10.0.0.5", bond.at("/vip/ip").asText());
            assertTrue(link(cp1, "driver:r8169").path("vip").isMissingNode(), "no VIP off the VIP's network");
            for (JsonNode l : cp1.at("/machine/network/interfaces")) {
                assertFalse(l.path("interface").asText().equals("eth0"), "a bond member is configured through its bond");
            }
            JsonNode cp2 = withWorker.doc("talos/cp-2.yaml");
            assertEquals("10.0.0.5", link(cp2, "eth0").at("/vip/ip").asText());
            assertTrue(link(cp2, "eth1").path("vip").isMissingNode());
            JsonNode w1 = withWorker.doc("talos/w-1.yaml");
            for (JsonNode l : w1.at("/machine/network/interfaces")) {
                assertTrue(l.path("vip").isMissingNode(), "a worker never holds the VIP: " + l);
            }
        }

        @Test
        void clusterWideSettings() {
            for (String node : List.of("cp-1", "cp-2", "cp-3", "w-1")) {
                JsonNode c = withWorker.doc("talos/" + node + ".yaml");
                assertEquals("https://10.0.0.5:6443", c.at("/cluster/controlPlane/endpoint").asText(), node);
                assertEquals("none", c.at("/cluster/network/cni/name").asText(), node + ": cilium is installed by Flux");
                assertTrue(c.at("/cluster/proxy/disabled").booleanValue(), node + ": kube-proxy false");
                assertEquals("main", c.at("/cluster/clusterName").asText());
                assertEquals("ghcr.io/siderolabs/kubelet:v1.33.3", c.at("/machine/kubelet/image").asText());
            }
        }

        @Test
        void schedulingOnControlPlanesOnlyWithoutWorkers() {
            for (String cp : List.of("cp-1", "cp-2", "cp-3")) {
                JsonNode alone = noWorker.doc("talos/" + cp + ".yaml").at("/cluster/allowSchedulingOnControlPlanes");
                assertTrue(alone.isBoolean() && alone.booleanValue(), cp + " without workers: " + alone);
                JsonNode with = withWorker.doc("talos/" + cp + ".yaml").at("/cluster/allowSchedulingOnControlPlanes");
                assertFalse(with.asBoolean(false), cp + " with a worker: " + with);
            }
            assertFalse(withWorker.doc("talos/w-1.yaml").at("/cluster/allowSchedulingOnControlPlanes").asBoolean(false));
            assertFalse(noWorker.has("talos/w-1.yaml"));
        }

        @Test
        void workersCarryNoCaKeys() {
            JsonNode w = withWorker.doc("talos/w-1.yaml");
            assertEquals("worker", w.at("/machine/type").asText());
            assertEquals("", w.at("/machine/ca/key").asText(), "machine.ca.key");
            assertEquals("", w.at("/cluster/ca/key").asText(), "cluster.ca.key");
            assertFalse(w.at("/machine/ca/crt").asText().isEmpty(), "workers do get the CA certificate");
            assertFalse(w.at("/cluster/ca/crt").asText().isEmpty());
            for (String absent : List.of("aggregatorCA", "serviceAccount", "etcd", "secretboxEncryptionSecret")) {
                assertTrue(w.path("cluster").path(absent).isMissingNode(), "worker has cluster." + absent);
            }
            JsonNode cp = withWorker.doc("talos/cp-1.yaml");
            assertFalse(cp.at("/machine/ca/key").asText().isEmpty(), "control planes do get the keys");
            assertFalse(cp.at("/cluster/etcd/ca/key").asText().isEmpty());
            assertFalse(cp.at("/cluster/serviceAccount/key").asText().isEmpty());
        }

        @Test
        void installImageCarriesTheSchematicOfTheGpuExtensions() {
            String image = withWorker.doc("talos/cp-1.yaml").at("/machine/install/image").asText();
            assertEquals("factory.talos.dev/installer/" + I915_SCHEMATIC + ":v1.10.7", image);
            assertFalse(withWorker.doc("talos/cp-2.yaml").at("/machine/install/image").asText().contains(I915_SCHEMATIC));
            JsonNode schematic = withWorker.doc("talos-schematics/" + I915_SCHEMATIC + ".yaml");
            assertEquals(List.of("siderolabs/i915"), texts(schematic.at("/customization/systemExtensions/officialExtensions")));
            assertTrue(withWorker.file("talos/cp-1.yaml").secret(), "machine configs are secret files");
            assertFalse(withWorker.file("talos-schematics/" + I915_SCHEMATIC + ".yaml").secret());
        }

        @Test
        void anUnsupportedTalosVersionIsHl096AtTheVersion() {
            String text = SPEC.replace("WORKER\n", "").replace("talos v1.10.7", "talos v1.15.1");
            EmitFixtures.Run run = EmitFixtures.emitText(text);
            assertTrue(run.failed());
            assertTrue(run.files().isEmpty(), "nothing is emitted when one target fails");
            List<Diagnostic> hl096 = run.reporter().sorted().stream().filter(d -> d.code().equals("HL096")).toList();
            assertEquals(1, hl096.size(), run.findings());
            String[] lines = text.split("\n", -1);
            int line = 0, column = 0;
            for (int i = 0; i < lines.length; i++) {
                int at = lines[i].indexOf("v1.15.1");
                if (at >= 0) {
                    line = i + 1;
                    column = at + 1;
                }
            }
            Diagnostic d = hl096.get(0);
            assertEquals(line + ":" + column, d.span().line() + ":" + d.span().column(), EmitFixtures.describe(d));
            assertEquals("v1.15.1".length(), d.span().length());
            assertTrue(d.message().contains("v1.15.1"), d.message());
            assertTrue(d.message().contains("v1.9 to v1.11") && d.message().contains("v1.12 and v1.13"),
                    "the message names the releases hlc does write: " + d.message());
        }
    }
}
