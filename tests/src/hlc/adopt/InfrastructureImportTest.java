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
