package hlc.adopt;

import hlc.Compiler;
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
 * A small talhelper + Flux repository with the infrastructure settings the import reads beyond Kustomizations:
 * a Cilium pool of start/stop ranges beside the nodes (it goes onto the node network, not a network of its own
 * that would overlap it), an install disk picked by talhelper's {@code installDiskSelector}, and external-dns
 * chart values; the imported spec checks clean and its node facts round-trip.
 */
class InfrastructureImportTest {
    @TempDir
    Path tmp;

    private static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path repo() throws IOException {
        Path r = tmp.resolve("repo");
        write(r, "talos/talconfig.yaml", """
                clusterName: home
                talosVersion: v1.11.3
                kubernetesVersion: v1.33.3
                endpoint: https://192.168.5.10:6443
                nodes:
                  - hostname: k8s-1
                    ipAddress: 192.168.5.11
                    controlPlane: true
                    installDiskSelector:
                      size: ">= 100GB"
                      type: nvme
                      modalias: "pci:v00001C5C*"
                    networkInterfaces:
                      - interface: eth0
                        addresses: [192.168.5.11/24]
                        routes: [{network: 0.0.0.0/0, gateway: 192.168.5.1}]
                        vip: {ip: 192.168.5.10}
                """);
        write(r, "kubernetes/flux/cluster/ks.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: cluster-apps, namespace: flux-system}
                spec:
                  interval: 1h
                  path: ./kubernetes/apps
                  prune: true
                  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                """);
        write(r, "kubernetes/apps/kube-system/kustomization.yaml", "namespace: kube-system\nresources:\n  - ./cilium/ks.yaml\n");
        write(r, "kubernetes/apps/kube-system/cilium/ks.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: cilium}
                spec:
                  interval: 1h
                  path: ./kubernetes/apps/kube-system/cilium/app
                  prune: true
                  targetNamespace: kube-system
                  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                """);
        write(r, "kubernetes/apps/kube-system/cilium/app/pool.yaml", """
                apiVersion: cilium.io/v2
                kind: CiliumLoadBalancerIPPool
                metadata: {name: pool}
                spec:
                  blocks:
                    - start: 192.168.5.200
                      stop: 192.168.5.220
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: envoy
                  annotations: {lbipam.cilium.io/ips: 192.168.5.201}
                spec:
                  type: LoadBalancer
                """);
        write(r, "kubernetes/apps/kube-system/cilium/app/dns.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: external-dns}
                spec:
                  chartRef: {kind: OCIRepository, name: external-dns}
                  values:
                    provider: {name: cloudflare}
                    domainFilters: [example.com]
                    sources: [crd, gateway-httproute]
                    txtOwnerId: main
                    policy: upsert-only
                    extraArgs: [--cloudflare-proxied]
                """);
        return r;
    }

    @Test
    void infrastructureSettingsBecomeSpecWords() throws Exception {
        ImportResult r = Importer.run(repo(), "lab", null);
        assertFalse(r.findings().hasErrors(), r.findings().render());
        String root = r.files().get("lab.hl");
        assertTrue(root.contains("network net-192-168-5 {\n  cidr 192.168.5.0/24\n  gateway 192.168.5.1\n  pool loadbalancer range 192.168.5.200 to 192.168.5.220\n}"), root);
        assertFalse(root.contains("network lb-pool"), root);
        assertTrue(root.contains("loadbalancer envoy 192.168.5.201 on net-192-168-5"), root);
        assertTrue(root.contains("  install-disk {\n    min-size 100GB\n    type nvme\n  }\n"), root);
        assertTrue(root.contains("// not imported: install disk selector modalias: pci:v00001C5C*"), root);
        assertTrue(root.contains("dns-provider external-dns {\n  target cloudflare\n  domains [example.com]\n  sources [crd, gateway-httproute]\n  owner main\n  policy upsert-only\n"), root);
        assertTrue(root.contains("// not imported: values extraArgs"), root);
        assertTrue(root.contains("service cloudflare {"), root);

        Path spec = write(r);
        assertEquals(List.of(), arrival(spec));
        var compiled = TalosRoundTrip.compiledFacts(Compiler.check(spec), spec);
        var repository = TalosRoundTrip.repositoryFacts(r.talos());
        assertTrue(repository.contains("k8s-1 install-disk-selector size=>= 100GB"), repository.toString());
        assertTrue(compiled.containsAll(repository.stream().filter(f -> !f.contains("modalias")).toList()),
                "lost: " + repository.stream().filter(f -> !compiled.contains(f)).toList());
    }

    /**
     * A webhook provider writes to the controller its UNIFI_HOST names, so that controller is the device the block
     * targets; a webhook that names none gives the import nothing to target, and stays a comment.
     */
    @Test
    void aWebhookTargetsTheControllerItsEnvNamesAndOnlyThen() throws Exception {
        Path r = repo();
        write(r, "kubernetes/apps/kube-system/cilium/app/unifi.yaml", """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: unifi-dns}
                spec:
                  chartRef: {kind: OCIRepository, name: external-dns}
                  values:
                    provider:
                      name: webhook
                      webhook:
                        image: {repository: ghcr.io/kashalls/external-dns-unifi-webhook, tag: v0.9.0}
                        env:
                          - {name: UNIFI_HOST, value: "https://192.168.5.1"}
                          - name: UNIFI_API_KEY
                            valueFrom: {secretKeyRef: {name: unifi-secret, key: UNIFI_API_KEY}}
                    domainFilters: [home.example.com]
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: other-dns}
                spec:
                  chartRef: {kind: OCIRepository, name: external-dns}
                  values:
                    provider:
                      name: webhook
                      webhook:
                        image: {repository: ghcr.io/example/some-webhook}
                    domainFilters: [other.example.com]
                """);
        ImportResult imported = Importer.run(r, "lab", null);
        String root = imported.files().get("lab.hl");
        assertTrue(root.contains("device unifi {\n  kind gateway\n  controller \"https://192.168.5.1\"\n}"), root);
        assertTrue(root.contains("dns-provider unifi-dns {\n  target unifi\n  webhook \"ghcr.io/kashalls/external-dns-unifi-webhook v0.9.0\"\n  domains [home.example.com]\n"), root);
        assertFalse(root.contains("\ndns-provider other-dns {"), root);
        assertTrue(root.contains("// not imported: external-dns other-dns ("), root);

        assertEquals(List.of(), arrival(write(imported)));
    }

    /**
     * An app of its own namespace: its Kustomization (substituting {@code vars}, YAML lines, or none) applies
     * {@code app/}, whose one file holds {@code manifests}.
     */
    private static void app(Path r, String ns, String name, String vars, String manifests) throws IOException {
        Path nsFile = r.resolve("kubernetes/apps/" + ns + "/kustomization.yaml");
        String resources = Files.exists(nsFile) ? Files.readString(nsFile) : "namespace: " + ns + "\nresources:\n";
        write(r, "kubernetes/apps/" + ns + "/kustomization.yaml", resources + "  - ./" + name + "/ks.yaml\n");
        write(r, "kubernetes/apps/" + ns + "/" + name + "/ks.yaml", """
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata: {name: %s}
                spec:
                  interval: 1h
                  path: ./kubernetes/apps/%s/%s/app
                  prune: true
                  targetNamespace: %s
                  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}
                """.formatted(name, ns, name, ns) + (vars == null ? "" : "  postBuild:\n    substitute:\n      " + vars + "\n"));
        write(r, "kubernetes/apps/" + ns + "/" + name + "/app/" + name + ".yaml", manifests);
    }

    /** An app-template release whose Service {@code app} is a LoadBalancer pinned at {@code address}. */
    private static String appTemplate(String release, String address) {
        return """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: %s}
                spec:
                  chartRef: {kind: OCIRepository, name: app-template}
                  values:
                    service:
                      app:
                        type: LoadBalancer
                        annotations:
                          lbipam.cilium.io/ips: "%s"
                        ports: {http: {port: 8080}}
                """.formatted(release, address);
    }

    /**
     * Addresses pinned in HelmRelease values, as home-ops apps pin them (plex's app-template Service, a second
     * Service of qbittorrent's release, ingress-nginx's controller Service) and in a Gateway's addresses, arrive
     * as load balancers on the pool's network, so that hlc's address checks run on them; an address whose
     * substitution the repository does not give, or one in no pool, stays a comment naming its file and line.
     * Both sides of the round trip hold each address in a pool.
     */
    @Test
    void loadBalancersPinnedInHelmReleaseValuesArrive() throws Exception {
        Path r = repo();
        app(r, "media", "plex", "PLEX_IP: 192.168.5.205", appTemplate("plex", "${PLEX_IP}"));
        app(r, "media", "qbittorrent", null, """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: qbittorrent}
                spec:
                  values:
                    service:
                      app:
                        ports: {http: {port: 80}}
                      bittorrent:
                        type: LoadBalancer
                        loadBalancerIP: 192.168.5.206
                        ports: {bittorrent: {port: 50413}}
                """);
        app(r, "network", "ingress-nginx", null, """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: ingress-nginx}
                spec:
                  values:
                    controller:
                      service:
                        annotations: {io.cilium/lb-ipam-ips: 192.168.5.207}
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: internal}
                spec:
                  gatewayClassName: cilium
                  addresses:
                    - value: 192.168.5.208
                """);
        // a cluster-wide ConfigMap the app substitutes from, as older home-ops trees have cluster-settings
        app(r, "media", "jellyfin", null, appTemplate("jellyfin", "${JELLYFIN_IP}"));
        write(r, "kubernetes/apps/media/jellyfin/ks.yaml", Files.readString(r.resolve("kubernetes/apps/media/jellyfin/ks.yaml"))
                + "  postBuild:\n    substituteFrom:\n      - {kind: ConfigMap, name: cluster-settings}\n");
        write(r, "kubernetes/flux/cluster/settings.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cluster-settings, namespace: flux-system}
                data: {JELLYFIN_IP: 192.168.5.209}
                """);
        app(r, "home", "mosquitto", null, appTemplate("mosquitto", "${MQTT_IP}"));
        app(r, "home", "zigbee", null, appTemplate("zigbee", "10.9.9.9"));

        ImportResult imported = Importer.run(r, "lab", null);
        assertFalse(imported.findings().hasErrors(), imported.findings().render());
        String root = imported.files().get("lab.hl");
        for (String lb : List.of("plex 192.168.5.205", "qbittorrent-bittorrent 192.168.5.206", "ingress-nginx-controller 192.168.5.207",
                "internal 192.168.5.208", "jellyfin 192.168.5.209")) {
            assertTrue(root.contains("\n  loadbalancer " + lb + " on net-192-168-5\n"), lb + "\n" + root);
        }
        assertTrue(root.contains("// not imported: load balancer mosquitto ${MQTT_IP} (kubernetes/apps/home/mosquitto/app/mosquitto.yaml:11): "
                + "the repository gives no value for its substitution"), root);
        assertTrue(root.contains("// not imported: load balancer zigbee 10.9.9.9 (kubernetes/apps/home/zigbee/app/zigbee.yaml:11): "
                + "in no load-balancer pool of the repository"), root);

        Path spec = write(imported);
        assertEquals(List.of(), arrival(spec));
        var repository = LoadBalancerRoundTrip.repositoryFacts(imported.flux());
        assertTrue(repository.contains("loadbalancer plex 192.168.5.205 in a pool"), repository.toString());
        assertEquals(6, repository.size(), repository.toString()); // envoy's manifest Service and the five above
        assertEquals(repository, LoadBalancerRoundTrip.compiledFacts(Compiler.check(spec), spec));
    }

    /** Two apps pinning one address: on arrival, the duplicate address is hlc's HL026 at both load balancers. */
    @Test
    void twoAppsOnOneLoadBalancerAddressAreAFindingOnArrival() throws Exception {
        Path r = repo();
        app(r, "media", "plex", null, appTemplate("plex", "192.168.5.205"));
        app(r, "media", "jellyfin", null, appTemplate("jellyfin", "192.168.5.205"));
        ImportResult imported = Importer.run(r, "lab", null);
        assertFalse(imported.findings().hasErrors(), imported.findings().render());
        List<String> arrival = arrival(write(imported));
        assertEquals(1, arrival.size(), arrival.toString());
        assertTrue(arrival.get(0).startsWith("HL026 address 192.168.5.205 of load balancer `"), arrival.get(0));
        assertTrue(arrival.get(0).contains("plex") && arrival.get(0).contains("jellyfin"), arrival.get(0));
    }

    /**
     * StorageClasses outside Rook: those of a provisioner the language has a word for become storage classes
     * (Longhorn, ZFS LocalPV on its node, an NFS share of a server by address, which becomes a NAS device on the
     * node network, and OpenEBS's hostpath class made by its chart with the chart's defaults); local-path and
     * democratic-csi classes, and parameters hlc does not write, stay comments with the reason. Each imported
     * class compiles to a StorageClass saying what the repository's says.
     */
    @Test
    void storageClassesOutsideRookBecomeStorageClasses() throws Exception {
        Path r = repo();
        app(r, "storage", "classes", null, """
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata:
                  name: longhorn-fast
                  annotations: {storageclass.kubernetes.io/is-default-class: "true"}
                provisioner: driver.longhorn.io
                allowVolumeExpansion: true
                parameters: {numberOfReplicas: "2", dataLocality: best-effort}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: zfs-tank}
                provisioner: zfs.csi.openebs.io
                volumeBindingMode: WaitForFirstConsumer
                parameters: {poolname: tank, fstype: zfs}
                allowedTopologies:
                  - matchLabelExpressions:
                      - {key: kubernetes.io/hostname, values: [k8s-1]}
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: nas}
                provisioner: nfs.csi.k8s.io
                reclaimPolicy: Retain
                parameters: {server: 192.168.5.50, share: /volume1/k8s, subDir: "${pvc.metadata.name}"}
                mountOptions: [nfsvers=4.1]
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: local-path}
                provisioner: rancher.io/local-path
                ---
                apiVersion: storage.k8s.io/v1
                kind: StorageClass
                metadata: {name: truenas-iscsi}
                provisioner: org.democratic-csi.iscsi
                ---
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: openebs}
                spec:
                  values:
                    localpv-provisioner:
                      hostpathClass: {enabled: true}
                """);
        ImportResult imported = Importer.run(r, "lab", null);
        assertFalse(imported.findings().hasErrors(), imported.findings().render());
        String root = imported.files().get("lab.hl");
        assertTrue(root.contains("storage-class longhorn-fast {\n  longhorn replicas 2\n  default\n  expandable\n  reclaim delete\n"
                + "  binding immediate\n  data-locality best-effort\n}"), root);
        assertTrue(root.contains("storage-class zfs-tank {\n  zfs tank on [k8s-1]\n  reclaim delete\n  binding wait-for-first-consumer\n}"), root);
        assertTrue(root.contains("device nas-192-168-5-50 {\n  kind nas\n  address 192.168.5.50 on net-192-168-5\n  serves [nfs]\n"
                + "  export k8s \"/volume1/k8s\"\n}"), root);
        assertTrue(root.contains("storage-class nas {\n  nfs k8s on nas-192-168-5-50\n  reclaim retain\n  binding immediate\n"
                + "  mount-option \"nfsvers=4.1\"\n  // not imported: parameter subDir=${pvc.metadata.name} ("), root);
        assertTrue(root.contains("storage-class openebs-hostpath {\n  hostpath \"/var/openebs/local\"\n  reclaim delete\n"
                + "  binding wait-for-first-consumer\n}"), root);
        assertTrue(root.contains("// not imported: storage class local-path (kubernetes/apps/storage/classes/app/classes.yaml:31): "
                + "local-path-provisioner keeps its node paths in its own ConfigMap"), root);
        assertTrue(root.contains("// not imported: storage class truenas-iscsi (kubernetes/apps/storage/classes/app/classes.yaml:36): "
                + "democratic-csi's NAS and share are in its chart's driver config"), root);

        Path spec = write(imported);
        assertEquals(List.of(), arrival(spec));
        var repository = StorageRoundTrip.repositoryFacts(imported.flux());
        assertTrue(repository.containsAll(List.of("storageclass nas parameter server 192.168.5.50", "storageclass nas reclaim retain",
                "storageclass zfs-tank parameter poolname tank", "storageclass longhorn-fast parameter numberOfReplicas 2",
                "storageclass openebs-hostpath parameter BasePath /var/openebs/local", "storageclass longhorn-fast default true")), repository.toString());
        assertEquals(repository, StorageRoundTrip.compiledFacts(Compiler.check(spec), spec));
    }

    /** The imported spec written to a folder of its own; its root file. */
    private Path write(ImportResult imported) throws IOException {
        Path out = tmp.resolve("out");
        Importer.writeFiles(imported, out, false);
        return out.resolve(imported.rootFile());
    }

    /** The findings the import prints on arrival, a line each: code and message. */
    private static List<String> arrival(Path spec) throws IOException {
        return Arrival.findings(spec).reporter().sorted().stream().map(d -> d.code() + " " + d.fullMessage()).toList();
    }
}
