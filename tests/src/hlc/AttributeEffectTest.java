package hlc;

import hlc.diag.Diagnostic;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.graph.AppGraph;
import hlc.graph.MermaidWriter;
import hlc.graph.TopologyGraph;
import hlc.secrets.SecretsBundle;
import hlc.whatif.JsonReport;
import hlc.whatif.Scenario;
import hlc.whatif.WhatIf;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * No hollow attribute: every attribute keyword of the grammar changes something a user sees, an emitted file,
 * a finding, or a report ({@code hlc graph}, {@code hlc whatif}). For each keyword of each {@code …Attr} rule
 * there is a pair of specs that differ only in it (the base spec below, and the base with one line added or
 * changed), and the pair must compile to different observations. The keywords are read from the grammar, so a
 * new attribute without a case here fails the build.
 */
class AttributeEffectTest {
    /**
     * Attributes another change (issue 14: Multus, DNS providers, backups, load-balancer DNS records) makes emit
     * right now. They are accepted and ignored until then. The lead empties this set when merging that work.
     */
    static final Set<String> AWAITING_ISSUE_14 = Set.of();

    /**
     * Attributes that change nothing yet, each a known gap of issue 12 (the language accepts them and every
     * output ignores them), listed so that the build shows them instead of hiding them behind a fake case. An
     * entry leaves this set when its attribute gets an effect (the test then fails until it is removed) or is
     * removed from the language.
     */
    static final Set<String> NO_EFFECT_YET = Set.of();

    static final String BASE = """
            site home {
              domain example.com
            }
            network lan {
              cidr 192.168.5.0/24
              gateway udm
              dns [udm]
            }
            network storage {
              cidr 10.10.0.0/24
            }
            device udm {
              kind gateway
              address 192.168.5.1 on lan
            }
            device nas {
              kind nas
              address 192.168.5.20 on lan
              export media "/volume1/media"
            }
            cluster main {
              talos v1.12.0
              kubernetes v1.33.3
              vip 192.168.5.210 on lan
              pods 10.42.0.0/16
              services 10.43.0.0/16
              loadbalancer envoy 192.168.5.230 on lan
              flux {
                path "./kubernetes/flux/cluster"
              }
            }
            host k8s-1 {
              role controlplane
              interface eth0 on lan address 192.168.5.11
              osd "/dev/disk/by-id/nvme-A"
            }
            host k8s-2 {
              role controlplane
              interface eth0 on lan address 192.168.5.12
              osd "/dev/disk/by-id/nvme-B"
            }
            host k8s-3 {
              role controlplane
              interface eth0 on lan address 192.168.5.13
              osd "/dev/disk/by-id/nvme-C"
            }
            ceph rook {
              pool replicapool {
                replicas 3
              }
            }
            storage-class ceph-block {
              ceph replicapool
              default
            }
            service vault1 {
              kind vault
            }
            service b2 {
              kind object-storage
            }
            backup nightly {
              source pvcs
              to b2
              every 6h
            }
            app plex {
              namespace media
            }
            app sonarr {
              namespace media
            }
            """;

    /** key → {text of the base, what it becomes}; an added line replaces its anchor with anchor + line. */
    static final Map<String, String[]> CASES = new TreeMap<>();

    private static void change(String key, String from, String to) {
        CASES.put(key, new String[]{from, to});
    }

    /** A case against a base of its own: the base spec with {@code setupFrom} made {@code setupTo}. */
    private static void within(String key, String setupFrom, String setupTo, String from, String to) {
        CASES.put(key, new String[]{setupFrom, setupTo, from, to});
    }

    private static void add(String key, String anchor, String line) {
        CASES.put(key, new String[]{anchor, anchor + "\n" + line});
    }

    static {
        add("siteAttr.domain", "site home {", "  domain example.org");
        CASES.put("siteAttr.domain", new String[]{"  domain example.com", "  domain example.org"});
        add("siteAttr.local-domain", "  domain example.com", "  local-domain internal");
        add("siteAttr.timezone", "  domain example.com", "  timezone \"Europe/Berlin\"");
        add("siteAttr.description", "  domain example.com", "  description \"the lab\"");

        change("networkAttr.cidr", "  cidr 10.10.0.0/24", "  cidr 10.11.0.0/24");
        add("networkAttr.gateway", "  cidr 10.10.0.0/24", "  gateway 10.10.0.1");
        change("networkAttr.dns", "  dns [udm]", "  dns [udm, 1.1.1.1]");
        add("networkAttr.vlan", "  cidr 10.10.0.0/24", "  vlan 10");
        add("networkAttr.mtu", "  cidr 192.168.5.0/24", "  mtu 9000");
        add("networkAttr.dhcp", "  cidr 192.168.5.0/24", "  dhcp 192.168.5.12 to 192.168.5.100");
        add("networkAttr.description", "  cidr 10.10.0.0/24", "  description \"storage\"");
        add("networkAttr.ipv6", "  cidr 10.10.0.0/24", "  ipv6 fd00:5::/64");
        add("networkAttr.pool", "  cidr 10.10.0.0/24", "  pool loadbalancer");
        // a pool of a range inside the node network is announced over L2 by default (no bgp block); `announce bgp` drops the L2 policy
        String lanPool = "  pool loadbalancer range 192.168.5.230 to 192.168.5.240";
        within("networkAttr.announce", "  cidr 192.168.5.0/24", "  cidr 192.168.5.0/24\n" + lanPool, lanPool, lanPool + "\n  announce bgp");

        change("clusterAttr.talos", "  talos v1.12.0", "  talos v1.13.0");
        change("clusterAttr.kubernetes", "  kubernetes v1.33.3", "  kubernetes v1.34.1");
        change("clusterAttr.vip", "  vip 192.168.5.210 on lan", "  vip 192.168.5.211 on lan");
        add("clusterAttr.cni", "  kubernetes v1.33.3", "  cni cilium");
        add("clusterAttr.kube-proxy", "  kubernetes v1.33.3", "  kube-proxy false");
        add("clusterAttr.control-plane-workloads", "  kubernetes v1.33.3", "  control-plane-workloads false");
        add("clusterAttr.coredns", "  kubernetes v1.33.3", "  coredns false");
        change("clusterAttr.pods", "  pods 10.42.0.0/16", "  pods 10.44.0.0/16");
        change("clusterAttr.services", "  services 10.43.0.0/16", "  services 10.45.0.0/16");
        change("clusterAttr.loadbalancer", "  loadbalancer envoy 192.168.5.230 on lan", "  loadbalancer envoy 192.168.5.231 on lan");
        change("clusterAttr.flux", "  flux {\n    path \"./kubernetes/flux/cluster\"\n  }\n", "");
        add("clusterAttr.patch", "  kubernetes v1.33.3", "  patch \"\"\"\n    machine:\n      sysctls:\n        vm.nr_hugepages: \"64\"\n    \"\"\"");
        add("clusterAttr.secrets", "  kubernetes v1.33.3", "  secrets \"talos/secrets.yaml\"");
        add("clusterAttr.endpoint", "  kubernetes v1.33.3", "  endpoint k8s.example.com");
        add("clusterAttr.node-network", "  kubernetes v1.33.3", "  node-network storage");
        add("clusterAttr.bgp", "  kubernetes v1.33.3", "  bgp {\n    asn 64513\n    peer udm asn 64512\n  }");
        add("clusterAttr.cluster-dns", "  kubernetes v1.33.3", "  cluster-dns 10.43.0.10");
        add("clusterAttr.cluster-domain", "  kubernetes v1.33.3", "  cluster-domain cluster.lab");
        add("clusterAttr.kubeprism", "  kubernetes v1.33.3", "  kubeprism 7446");
        add("clusterAttr.kernel-arg", "  kubernetes v1.33.3", "  kernel-arg \"intel_iommu=on\"");
        add("clusterAttr.kernel-module", "  kubernetes v1.33.3", "  kernel-module nbd");
        add("clusterAttr.extension", "  kubernetes v1.33.3", "  extension \"siderolabs/iscsi-tools\"");
        add("clusterAttr.ntp", "  kubernetes v1.33.3", "  ntp [udm]");
        add("clusterAttr.sysctl", "  kubernetes v1.33.3", "  sysctl net.core.rmem_max 7500000");
        add("clusterAttr.encrypt", "  kubernetes v1.33.3", "  encrypt STATE key \"talos-state\"");
        add("clusterAttr.mirror", "  kubernetes v1.33.3", "  mirror docker.io \"https://mirror.gcr.io\"");

        add("bgpAttr.asn", "  kubernetes v1.33.3", "  bgp {\n    asn 64513\n  }");
        add("bgpAttr.peer", "  kubernetes v1.33.3", "  bgp {\n    asn 64513\n    peer 192.168.5.1 asn 64512\n  }");

        add("fluxAttr.repository", "    path \"./kubernetes/flux/cluster\"", "    repository \"https://github.com/you/home-ops\"");
        // the branch of the GitRepository that the repository gives (without one, a branch is HL007)
        String repository = "    path \"./kubernetes/flux/cluster\"\n    repository \"https://github.com/you/home-ops\"";
        within("fluxAttr.branch", "    path \"./kubernetes/flux/cluster\"", repository, repository, repository + "\n    branch dev");
        change("fluxAttr.path", "    path \"./kubernetes/flux/cluster\"", "    path \"./k8s/flux/cluster\"");
        add("fluxAttr.interval", "    path \"./kubernetes/flux/cluster\"", "    interval 30m");
        add("fluxAttr.layout", "    path \"./kubernetes/flux/cluster\"", "    layout namespaced");
        add("fluxAttr.substitute-from", "    path \"./kubernetes/flux/cluster\"", "    substitute-from cluster-secrets");
        add("fluxAttr.decryption", "    path \"./kubernetes/flux/cluster\"", "    decryption sops secret sops-age");
        add("fluxAttr.namespace", "    path \"./kubernetes/flux/cluster\"", "    layout namespaced\n    namespace media {\n      components [alerts]\n    }");
        CASES.put("fluxAttr.namespace", new String[]{"    path \"./kubernetes/flux/cluster\"",
                "    path \"./kubernetes/flux/cluster\"\n    namespace media {\n      components [alerts]\n    }"});
        add("fluxNamespaceAttr.components", "    path \"./kubernetes/flux/cluster\"", "    namespace media {\n      components [alerts]\n    }");
        CASES.put("fluxNamespaceAttr.components", new String[]{"    path \"./kubernetes/flux/cluster\"",
                "    path \"./kubernetes/flux/cluster\"\n    layout namespaced\n    namespace media {\n      components [alerts]\n    }"});
        // a root of the user's own beside cluster-apps: its file in the sync folder, and cluster-apps's dependsOn
        String fluxPath = "    path \"./kubernetes/flux/cluster\"";
        String rootPath = "      path \"./kubernetes/flux/repositories\"";
        String withRoot = fluxPath + "\n    root repos {\n" + rootPath + "\n    }";
        add("fluxAttr.root", fluxPath, "    root repos {\n" + rootPath + "\n    }");
        within("fluxAttr.apps-depend", fluxPath, withRoot, withRoot, withRoot + "\n    apps-depend [repos]");
        within("fluxRootAttr.path", fluxPath, withRoot, rootPath, "      path \"./kubernetes/flux/sources\"");
        within("fluxRootAttr.namespace", fluxPath, withRoot, rootPath, rootPath + "\n      namespace flux-system");
        within("fluxRootAttr.wait", fluxPath, withRoot, rootPath, rootPath + "\n      wait");
        within("fluxRootAttr.prune", fluxPath, withRoot, rootPath, rootPath + "\n      prune false");
        within("fluxRootAttr.interval", fluxPath, withRoot, rootPath, rootPath + "\n      interval 10m");
        add("fluxNamespaceAttr.description", "    path \"./kubernetes/flux/cluster\"", "    namespace media {\n      description \"media apps\"\n    }");

        // OSDs on every node by one regex, Rook's useAllNodes (beside the base's own osd lines: HL046 too)
        CASES.put("cephAttr.osd-filter", new String[]{"    replicas 3\n  }\n}", "    replicas 3\n  }\n  osd-filter \"^nvme\"\n}"});
        String k1 = "  interface eth0 on lan address 192.168.5.11";
        add("hostAttr.model", k1, "  model \"Lenovo M70q\"");
        add("hostAttr.cpu", k1, "  cpu \"Intel Core i7-12700T\"");
        add("hostAttr.memory", k1, "  memory 64GiB");
        change("hostAttr.role", "  role controlplane\n  interface eth0 on lan address 192.168.5.13",
                "  role worker\n  interface eth0 on lan address 192.168.5.13");
        add("hostAttr.install-disk", k1, "  install-disk \"/dev/nvme0n1\"");
        add("hostAttr.gpu", k1, "  gpu i915");
        add("hostAttr.osd", k1, "  osd \"/dev/disk/by-id/nvme-D\"");
        add("hostAttr.interface", k1, "  interface eth1 on storage address 10.10.0.11");
        add("hostAttr.description", k1, "  description \"the first node\"");
        add("hostAttr.label", k1, "  label \"zone=a\"");
        add("hostAttr.taint", k1, "  taint \"dedicated=gpu:NoSchedule\"");
        add("hostAttr.extension", k1, "  extension \"siderolabs/iscsi-tools\"");
        add("hostAttr.usb", k1, "  usb \"Sonoff Zigbee 3.0 USB Dongle Plus\"");
        add("hostAttr.patch", k1, "  patch \"\"\"\n    machine:\n      time:\n        servers: [time.cloudflare.com]\n    \"\"\"");
        add("hostAttr.volume", k1, "  volume EPHEMERAL {\n    max-size 100GiB\n  }");
        add("hostAttr.cluster", k1, "  cluster edge");
        add("hostAttr.user-volume", k1, "  user-volume local {\n    disk \"disk.transport == 'nvme'\"\n  }");
        // A volume's attributes, each against a base that has the volume without it.
        String disk = "    disk \"disk.transport == 'nvme'\"";
        String withVolume = k1 + "\n  user-volume local {\n" + disk + "\n  }";
        within("volumeAttr.min-size", k1, withVolume, disk, disk + "\n    min-size 10GiB");
        within("volumeAttr.max-size", k1, withVolume, disk, disk + "\n    max-size 50GiB");
        within("volumeAttr.disk", k1, k1 + "\n  user-volume local {\n    min-size 10GiB\n  }", "    min-size 10GiB", "    min-size 10GiB\n" + disk);
        // false, not only true: Talos's default for a user volume is to grow, so a `grow false` left out changes the node
        within("volumeAttr.grow", k1, withVolume, disk, disk + "\n    grow false");
        add("hostAttr.kernel-arg", k1, "  kernel-arg \"intel_iommu=on\"");
        add("hostAttr.kernel-module", k1, "  kernel-module zfs");
        add("hostAttr.sysctl", k1, "  sysctl vm.nr_hugepages 1024");
        add("hostAttr.secure-boot", k1, "  secure-boot");
        add("hostAttr.encrypt", k1, "  encrypt EPHEMERAL key \"k8s-1-ephemeral\"");
        // arm64 changes what the node's image may hold: an amd64-only extension is then a finding
        within("hostAttr.arch", k1, k1 + "\n  extension \"intel-ucode\"", k1, k1 + "\n  arch arm64");
        within("hostAttr.overlay", k1, k1 + "\n  arch arm64", k1, k1 + "\n  overlay \"siderolabs/sbc-raspberrypi\" \"rpi_generic\"");
        // The install disk chosen by its properties: each against a selector without it.
        String model = "    model \"Samsung SSD 980*\"";
        String withSelector = k1 + "\n  install-disk {\n" + model + "\n  }";
        within("diskSelectorAttr.size", k1, withSelector, model, model + "\n    size 1TB");
        within("diskSelectorAttr.min-size", k1, withSelector, model, model + "\n    min-size 200GB");
        within("diskSelectorAttr.max-size", k1, withSelector, model, model + "\n    max-size 2TB");
        within("diskSelectorAttr.serial", k1, withSelector, model, model + "\n    serial \"S5GXNX0T123456\"");
        within("diskSelectorAttr.type", k1, withSelector, model, model + "\n    type nvme");
        within("diskSelectorAttr.wwid", k1, withSelector, model, model + "\n    wwid \"eui.0025388b11b22c33\"");
        within("diskSelectorAttr.bus-path", k1, withSelector, model, model + "\n    bus-path \"/pci0000:00/0000:00:1d.0/nvme\"");
        within("diskSelectorAttr.model", k1, k1 + "\n  install-disk {\n    type nvme\n  }", "    type nvme", "    type nvme\n" + model);

        change("interfaceAttr.on", "  interface eth0 on lan address 192.168.5.11", "  interface eth0 on storage address 192.168.5.11");
        change("interfaceAttr.dhcp", k1, k1 + " dhcp");
        add("interfaceAttr.vlan", k1, "  interface eth0.10 vlan 10 of eth0");
        change("interfaceAttr.address", k1, "  interface eth0 on lan address 192.168.5.14");
        // on a dual-stack lan, the node's second address in its Talos config
        within("interfaceAttr.ipv6", "  cidr 192.168.5.0/24", "  cidr 192.168.5.0/24\n  ipv6 fd00:5::/64", k1, k1 + " ipv6 fd00:5::11");
        change("interfaceAttr.driver", k1, k1 + " driver e1000e");
        add("interfaceAttr.bond", k1, "  interface net1 driver igc\n  interface bond0 bond active-backup [net1]");
        change("interfaceAttr.mtu", k1, k1 + " mtu 9000");
        change("interfaceAttr.speed", k1, k1 + " speed \"2.5GbE\"");
        change("interfaceAttr.mac", k1, k1 + " mac 00:1a:2b:3c:4d:5e");
        change("interfaceAttr.physical", k1, k1 + " physical");
        change("interfaceAttr.bus-path", k1, k1 + " bus-path \"0000:02:00.0\"");
        // the link is found by its Thunderbolt bus path (deviceSelector busPath, not the name eth0)
        change("interfaceAttr.thunderbolt", k1, k1 + " thunderbolt \"0-1.0\"");
        change("interfaceAttr.route", k1, k1 + " route 10.20.0.0/16 via 192.168.5.2");
        within("interfaceAttr.dhcp-metric", k1, k1 + " dhcp", k1 + " dhcp", k1 + " dhcp dhcp-metric 1024");
        // Bond options, each against the bond without it.
        String bond = "  interface bond0 bond active-backup [net1]";
        String withBond = k1 + "\n  interface net1 driver igc\n" + bond;
        within("interfaceAttr.lacp-rate", k1, withBond, bond, bond + " lacp-rate fast");
        within("interfaceAttr.xmit-hash-policy", k1, withBond, bond, bond + " xmit-hash-policy \"layer3+4\"");
        within("interfaceAttr.miimon", k1, withBond, bond, bond + " miimon 100");
        within("interfaceAttr.updelay", k1, withBond, bond, bond + " updelay 200");
        within("interfaceAttr.downdelay", k1, withBond, bond, bond + " downdelay 200");

        String nas = "  address 192.168.5.20 on lan";
        change("deviceAttr.kind", "  kind nas", "  kind server");
        add("deviceAttr.model", nas, "  model \"Synology DS920+\"");
        change("deviceAttr.address", nas, "  address 192.168.5.21 on lan");
        add("deviceAttr.dns", nas, "  dns storage.example.com");
        add("deviceAttr.serves", nas, "  serves [nfs, smb]");
        // the UniFi webhook's UNIFI_HOST, for a dns-provider whose target is the device
        within("deviceAttr.controller", "site home {\n  domain example.com\n}", "site home {\n  domain example.com\n}\n"
                + "dns-provider lan-dns {\n  target udm\n  webhook \"kashalls/external-dns-unifi-webhook v0.9.0\"\n}",
                "  kind gateway", "  kind gateway\n  controller \"https://192.168.5.1\"");
        add("deviceAttr.export", nas, "  export backups \"/volume1/backups\"");
        add("deviceAttr.description", nas, "  description \"the NAS\"");

        add("cephAttr.public-network", "ceph rook {", "  public-network lan");
        add("cephAttr.cluster-network", "ceph rook {", "  cluster-network storage");
        add("cephAttr.pool", "ceph rook {", "  pool fast {\n    replicas 2\n    min-size 2\n  }");
        add("cephAttr.filesystem", "ceph rook {", "  filesystem shared {\n    replicas 3\n  }");
        add("cephAttr.object-store", "ceph rook {", "  object-store objects {\n    replicas 3\n  }");
        // `cluster NAME` in a one-cluster spec must name that cluster: another name is a finding (HL010). What it
        // does in a spec with several clusters (which views and folders a block is in) is ClusterViewTest's.
        add("cephAttr.cluster", "ceph rook {", "  cluster edge");
        change("poolAttr.replicas", "    replicas 3", "    replicas 2\n    min-size 2");
        CASES.put("poolAttr.replicas", new String[]{"    replicas 3", "    replicas 2"});
        add("poolAttr.min-size", "    replicas 3", "    min-size 3");
        add("poolAttr.failure-domain", "    replicas 3", "    failure-domain osd");
        add("poolAttr.compression", "    replicas 3", "    compression aggressive zstd");

        String sc = "storage-class ceph-block {";
        add("storageClassAttr.ceph", "  ceph replicapool\n  default\n}", "storage-class other {\n  ceph replicapool\n}");
        add("storageClassAttr.hostpath", "  ceph replicapool\n  default\n}", "storage-class local {\n  hostpath \"/var/mnt/local\"\n}");
        add("storageClassAttr.nfs", "  ceph replicapool\n  default\n}", "storage-class nfs {\n  nfs media on nas\n}");
        change("storageClassAttr.default", "  ceph replicapool\n  default\n", "  ceph replicapool\n");
        add("storageClassAttr.filesystem", sc, "  filesystem xfs");
        add("storageClassAttr.reclaim", sc, "  reclaim retain");
        add("storageClassAttr.expandable", sc, "  expandable");
        add("storageClassAttr.static", "  ceph replicapool\n  default\n}", "storage-class disk {\n  static on k8s-1 size 1TB\n}");
        add("storageClassAttr.binding", sc, "  binding wait-for-first-consumer");
        add("storageClassAttr.mount-option", sc, "  mount-option \"noatime\"");
        String classEnd = "  ceph replicapool\n  default\n}";
        add("storageClassAttr.longhorn", classEnd, "storage-class lh {\n  longhorn replicas 3\n}");
        String withLonghorn = classEnd + "\nstorage-class lh {\n  longhorn replicas 3\n}";
        within("storageClassAttr.data-locality", classEnd, withLonghorn, "  longhorn replicas 3", "  longhorn replicas 3\n  data-locality best-effort");
        within("storageClassAttr.recurring", classEnd, withLonghorn, "  longhorn replicas 3", "  longhorn replicas 3\n  recurring snapshot \"0 */6 * * *\" retain 8");
        add("storageClassAttr.zfs", classEnd, "storage-class zfs {\n  zfs tank on [k8s-1]\n}");
        add("storageClassAttr.democratic-csi", classEnd, "storage-class nas-nfs {\n  democratic-csi nfs export media on nas\n}");
        String ceph = "ceph rook {";
        within("storageClassAttr.cephfs", ceph, ceph + "\n  filesystem shared {\n    replicas 3\n  }", classEnd,
                classEnd + "\nstorage-class shared {\n  cephfs shared\n}");
        within("storageClassAttr.bucket", ceph, ceph + "\n  object-store objects {\n    replicas 3\n  }", classEnd,
                classEnd + "\nstorage-class buckets {\n  bucket objects\n}");
        add("storageClassAttr.cluster", sc, "  cluster edge");

        String b2 = "  kind object-storage";
        change("serviceAttr.kind", b2, "  kind [object-storage, vpn]");
        add("serviceAttr.purpose", b2, "  purpose \"off-site backups\"");
        add("serviceAttr.usage", b2, "  usage \"volsync kopia repository\"");

        add("serviceAttr.dns", b2, "  dns b2.example.com");
        add("serviceAttr.description", b2, "  description \"Backblaze\"");

        String every = "  every 6h";
        add("backupAttr.tool", every, "  tool volsync");
        add("backupAttr.method", every, "  method kopia");
        change("backupAttr.source", "  source pvcs", "  source postgres");
        change("backupAttr.to", "  to b2", "  to nas");
        change("backupAttr.every", every, "  every 12h");
        change("backupAttr.schedule", every, "  schedule \"0 3 * * *\"");

        // keep and retention land in a VolSync ReplicationSource, written for a volsync backup of an app's volume
        // (the repository is the object store's endpoint: a service without one gets no backup resources)
        String volsyncFrom = "  kind object-storage\n}\nbackup nightly {\n  source pvcs\n  to b2\n  every 6h\n}\napp plex {\n  namespace media";
        String volsyncTo = "  kind object-storage\n  endpoint \"https://s3.us-west-002.backblazeb2.com\"\n}\nbackup nightly {\n"
                + "  source pvcs\n  to b2\n  tool volsync\n  every 6h\n}\napp plex {\n  namespace media\n  storage ceph-block";
        within("backupAttr.keep", volsyncFrom, volsyncTo, every, every + "\n  keep hourly 12");
        within("backupAttr.retention", volsyncFrom, volsyncTo, every, every + "\n  retention 720h");
        within("backupAttr.description", volsyncFrom, volsyncTo, every, every + "\n  description \"every PVC\"");
        // the object store's endpoint is the restic repository: without it the backup writes nothing
        String noEndpoint = volsyncTo.replace("  endpoint \"https://s3.us-west-002.backblazeb2.com\"\n", "");
        within("serviceAttr.endpoint", volsyncFrom, noEndpoint, b2, b2 + "\n  endpoint \"https://s3.us-west-002.backblazeb2.com\"");
        // compression lands in the Barman Cloud ObjectStore of a CNPG backup
        String cnpgFrom = "  kind object-storage\n}\nbackup nightly {\n  source pvcs\n  to b2\n  every 6h\n}\napp plex {\n  namespace media";
        String cnpgTo = "  kind object-storage\n  endpoint \"https://s3.us-west-002.backblazeb2.com\"\n}\nbackup nightly {\n"
                + "  tool cnpg\n  method barman\n  source postgres\n  to b2\n  schedule \"0 6 * * *\"\n}\n"
                + "app cnpg-operator {\n  namespace media\n}\napp plex {\n  namespace media\n  storage ceph-block\n  depends [cnpg-operator]";
        within("backupAttr.compression", cnpgFrom, cnpgTo, "  method barman", "  method barman\n  compression gzip");

        String plex = "app plex {\n  namespace media";
        change("appAttr.namespace", plex, "app plex {\n  namespace video");
        add("appAttr.path", plex, "  path \"./apps/plex\"");
        add("appAttr.depends", plex, "  depends [sonarr]");
        add("appAttr.storage", plex, "  storage ceph-block");
        add("appAttr.route", plex, "  route plex.example.com");
        add("appAttr.var", plex, "  var PLEX_CLAIM_HOST \"plex.example.com\"");
        add("appAttr.wait", plex, "  wait");
        add("appAttr.prune", plex, "  prune false");
        add("appAttr.interval", plex, "  interval 30m");
        add("appAttr.timeout", plex, "  timeout 10m");
        add("appAttr.uses", plex, "  uses [b2]");
        add("appAttr.description", plex, "  description \"media server\"");
        add("appAttr.components", plex, "  components [alerts]");
        add("appAttr.multus", plex, "  multus 10.10.0.50 on storage");
        add("appAttr.version", plex, "  version v1.41.0");
        add("appAttr.nfs-volume", plex, "  nfs-volume media from nas export media at \"/media\"");
        add("appAttr.cluster", plex, "  cluster edge");
        // the fields of the app's Kustomization beyond the common ones (spec.healthChecks, retryInterval,
        // decryption, postBuild.substituteFrom, and raw ones)
        add("appAttr.health-check", plex, "  health-check HelmRelease plex");
        add("appAttr.retry-interval", plex, "  retry-interval 2m");
        add("appAttr.decryption", plex, "  decryption sops");
        add("appAttr.substitute-from", plex, "  substitute-from configmap plex-settings optional");
        add("appAttr.flux-spec", plex, "  flux-spec \"\"\"\n    force: true\n    \"\"\"");

        // A dns-provider's settings land in its external-dns values (dns/providers/<name>-values.yaml).
        String site = "site home {\n  domain example.com\n}";
        String withProvider = site + "\ndns-provider lan-dns {\n  target udm\n  domains [example.com]\n  sources [crd]\n}";
        String target = "  target udm";
        within("dnsProviderAttr.target", site, withProvider, target, "  target b2");
        within("dnsProviderAttr.domains", site, withProvider, "  domains [example.com]", "  domains [example.com, internal]");
        within("dnsProviderAttr.sources", site, withProvider, "  sources [crd]", "  sources [crd, service]");
        within("dnsProviderAttr.txt-prefix", site, withProvider, target, target + "\n  txt-prefix \"k8s.\"");
        within("dnsProviderAttr.owner", site, withProvider, target, target + "\n  owner main");
        within("dnsProviderAttr.policy", site, withProvider, target, target + "\n  policy sync");
        within("dnsProviderAttr.webhook", site, withProvider, target, target + "\n  webhook \"kashalls/external-dns-unifi-webhook v0.9.0\"");
        within("dnsProviderAttr.description", site, withProvider, target, target + "\n  description \"LAN records\"");
    }

    /** Every attribute keyword of the grammar, as "rule.keyword". */
    static Set<String> grammarKeywords() throws IOException {
        String g = Files.readString(Path.of(System.getProperty("hlc.project.dir", ".")).resolve("grammar/HomeLab.g4"));
        Set<String> out = new TreeSet<>();
        Matcher rule = Pattern.compile("(?m)^([a-zA-Z]+Attr)\\s*\\n?\\s*:(.*?);\\s*$", Pattern.DOTALL).matcher(g);
        while (rule.find()) {
            Matcher kw = Pattern.compile("(?m)(?:^|\\|)\\s*'([a-z0-9-]+)'").matcher(rule.group(2));
            while (kw.find()) out.add(rule.group(1) + "." + kw.group(1));
        }
        return out;
    }

    @Test
    void everyKeywordOfTheGrammarHasACase() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String k : grammarKeywords()) {
            boolean hasCase = CASES.get(k) != null;
            if (!hasCase && !AWAITING_ISSUE_14.contains(k) && !NO_EFFECT_YET.contains(k)) missing.add(k);
        }
        assertEquals(Set.of(), missing, "attribute keywords without a case in " + AttributeEffectTest.class.getSimpleName());
        Set<String> stale = new TreeSet<>(CASES.keySet());
        stale.removeAll(grammarKeywords());
        assertEquals(Set.of(), stale, "cases for keywords the grammar no longer has");
    }

    @Test
    void theBaseSpecCompilesClean() {
        Compiler.Compilation c = compile(BASE);
        assertEquals(List.of(), c.reporter().sorted().stream().map(AttributeEffectTest::describe).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyAttributeChangesWhatTheUserSees() {
        String base = observe(BASE);
        List<DynamicTest> tests = new ArrayList<>();
        CASES.forEach((key, pair) -> {
            if (pair == null) return;
            tests.add(DynamicTest.dynamicTest(key, () -> {
                String from = BASE;
                String before = base;
                int at0 = 0;
                if (pair.length == 4) {
                    from = replaceOnce(BASE, pair[0], pair[1], key);
                    before = observe(from);
                    at0 = 2;
                }
                String variant = replaceOnce(from, pair[at0], pair[at0 + 1], key);
                boolean listed = NO_EFFECT_YET.contains(key) || AWAITING_ISSUE_14.contains(key);
                boolean differs = !observe(variant).equals(before);
                if (listed) {
                    org.junit.jupiter.api.Assertions.assertFalse(differs, key + " has an effect now: take it off its list");
                } else {
                    org.junit.jupiter.api.Assertions.assertTrue(differs, key + " changes no file, finding or report");
                }
            }));
        });
        return tests.stream();
    }

    private static String replaceOnce(String text, String from, String to, String key) {
        int at = text.indexOf(from);
        assertNotEquals(-1, at, key + ": the base spec has no `" + from + "`");
        assertEquals(-1, text.indexOf(from, at + 1), key + ": `" + from + "` is not unique in the base spec");
        return text.replace(from, to);
    }

    private static Compiler.Compilation compile(String text) {
        return Compiler.compileText("attr.hl", text, SecretsBundle.placeholder(), new Renderer("attr.hl"));
    }

    /** What a user sees of a spec: findings, every rendered file, the two diagrams and the whatif report. */
    static String observe(String text) {
        Compiler.Compilation c = compile(text);
        StringBuilder b = new StringBuilder();
        c.reporter().sorted().forEach(d -> b.append(describe(d)).append('\n'));
        // Where `hlc compile` looks for the secrets bundle (`secrets` in the cluster): whether configs are written.
        if (c.resolved() != null) b.append("bundle ").append(Compiler.bundlePath(null, Path.of("attr.hl"), c.resolved().spec())).append('\n');
        for (RenderedFile f : c.files()) b.append("== ").append(f.path()).append('\n').append(f.content());
        if (!c.reporter().hasErrors() && c.resolved() != null) {
            var spec = c.resolved().spec();
            b.append(MermaidWriter.write(TopologyGraph.of(spec))).append(MermaidWriter.write(AppGraph.of(spec)));
            b.append(new JsonReport().render(new WhatIf(c.resolved()).analyse(Scenario.singlesAndDoubles(spec))));
        }
        return b.toString();
    }

    private static String describe(Diagnostic d) {
        return d.span().line() + ":" + d.span().column() + " " + d.code() + " " + d.message();
    }
}
