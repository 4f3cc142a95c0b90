package hlc.adopt;

import java.util.ArrayList;
import java.util.List;

/** What the Talos configuration of all nodes says of the cluster itself (the spec's `cluster` block). */
public final class TalosCluster {
    public String name;
    public String talosVersion;
    public String kubernetesVersion;
    public String endpoint;
    public String vip;
    public String pods;
    public String services;
    public String cni;
    public Boolean kubeProxy;
    public Boolean coreDns;
    public Boolean controlPlaneWorkloads;
    public String clusterDomain;
    public Integer kubePrism;
    public String nodeSubnet;
    /** The secret-manager references met (ak://…, op://…): never values, only counted and named. */
    public final List<String> vaultReferences = new ArrayList<>();
    public final List<String> unsaid = new ArrayList<>();
    /** How the import read the configuration where the repository does not say it: comments in the cluster block. */
    public final List<String> notes = new ArrayList<>();
    public final List<TalosNode> nodes = new ArrayList<>();
    public String source;
    /** Every document read for the cluster's nodes, to name the line a setting came from. */
    public final List<YamlDoc> docs = new ArrayList<>();

    public String where(String text) {
        return Where.first(docs, text, source);
    }
}
