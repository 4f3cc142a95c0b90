package hlc.resolve;

import hlc.model.App;

import java.util.Map;
import java.util.TreeMap;

/**
 * The apiVersion of a health check's kind, for the kinds home-ops repositories check (Flux's own, Kubernetes
 * workloads, Rook, CloudNativePG, External Secrets, cert-manager, VolSync), so that {@code health-check HelmRelease
 * cnpg-operator} needs no {@code api}. A kind not listed needs its {@code api} given (HL130): Flux would otherwise
 * take the cluster's preferred version of a kind it may not know, and the CRD schema cannot check that.
 */
public final class HealthCheckKinds {
    private static final Map<String, String> API = new TreeMap<>(Map.ofEntries(
            Map.entry("HelmRelease", "helm.toolkit.fluxcd.io/v2"),
            Map.entry("Kustomization", "kustomize.toolkit.fluxcd.io/v1"),
            Map.entry("GitRepository", "source.toolkit.fluxcd.io/v1"),
            Map.entry("OCIRepository", "source.toolkit.fluxcd.io/v1"),
            Map.entry("HelmRepository", "source.toolkit.fluxcd.io/v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"),
            Map.entry("DaemonSet", "apps/v1"),
            Map.entry("Job", "batch/v1"),
            Map.entry("Service", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"),
            Map.entry("CustomResourceDefinition", "apiextensions.k8s.io/v1"),
            Map.entry("CephCluster", "ceph.rook.io/v1"),
            Map.entry("CephBlockPool", "ceph.rook.io/v1"),
            Map.entry("CephFilesystem", "ceph.rook.io/v1"),
            Map.entry("CephObjectStore", "ceph.rook.io/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("ExternalSecret", "external-secrets.io/v1"),
            Map.entry("ClusterSecretStore", "external-secrets.io/v1"),
            Map.entry("Certificate", "cert-manager.io/v1"),
            Map.entry("ClusterIssuer", "cert-manager.io/v1"),
            Map.entry("ReplicationSource", "volsync.backube/v1alpha1")));

    private HealthCheckKinds() {}

    /** The apiVersion hlc writes for a kind, or null when it knows none. */
    public static String known(String kind) {
        return API.get(kind);
    }

    /** The health check's apiVersion: the one the spec gives, else the kind's; null when neither (HL130). */
    public static String apiVersion(App.HealthCheck h) {
        return h.apiVersion() != null ? h.apiVersion().value() : known(h.kind().text());
    }

    /** The kinds hlc knows an apiVersion for, for hints. */
    public static java.util.Set<String> kinds() {
        return API.keySet();
    }
}
