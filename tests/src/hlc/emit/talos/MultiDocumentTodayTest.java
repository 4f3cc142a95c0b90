package hlc.emit.talos;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.emit.EmitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hlc.emit.talos.MultiDocumentTest.kinds;
import static hlc.emit.talos.MultiDocumentTest.ofKind;
import static hlc.emit.talos.MultiDocumentTest.single;
import static hlc.emit.talos.MultiDocumentTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts of the cluster as it runs today, which only the multi-document form writes: LAN addresses that are
 * DHCP reservations, VLAN sub-interfaces of the bond, an API endpoint name instead of a VIP, labels, taints,
 * volumes, system extensions per node, kernel modules.
 */
class MultiDocumentTodayTest {
    /** Three control planes like the M70q nodes and the NVIDIA worker, reduced to what the configs say. */
    static final String TODAY = """
            site home {
              domain t0m.co
              local-domain internal
            }
            network lan {
              cidr 192.168.5.0/24
              gateway udm
              dns [udm]
              mtu 1500
            }
            network iot {
              cidr 192.168.107.0/24
              vlan 107
            }
            network ceph {
              cidr 192.168.43.0/24
            }
            network lb {
              cidr 192.168.42.0/24
              pool loadbalancer
            }
            cluster main {
              talos v1.13.8
              kubernetes v1.36.3
              endpoint k8s.internal
              cni cilium
              kube-proxy false
              pods 10.42.0.0/16
              services 10.43.0.0/16
              node-network lan
              kubeprism 7445
              extension "intel-ucode"
              extension "siderolabs/mei"
              kernel-module nbd
              loadbalancer kube-api 192.168.42.50 on lb dns k8s.internal
            }
            host k8s-1 {
              role controlplane
              install-disk "/dev/nvme0n1"
              gpu i915
              label "topology.kubernetes.io/zone=m"
              label "topology.kubernetes.io/region=main"
              interface net0 driver e1000e
              interface bond0 on lan address 192.168.5.211 dhcp bond active-backup [net0] mtu 1500
              interface bond0.107 on iot vlan 107 of bond0 mtu 1500
              interface ceph0 on ceph address 192.168.43.11 driver r8169 mtu 1500
              volume EPHEMERAL {
                disk "disk.transport == 'nvme'"
                max-size 400GiB
              }
              user-volume local-hostpath {
                disk "disk.transport == 'nvme'"
                min-size 50GiB
              }
            }
            host k8s-2 {
              role controlplane
              install-disk "/dev/nvme0n1"
              gpu i915
              interface net0 driver e1000e
              interface bond0 on lan address 192.168.5.212 dhcp bond active-backup [net0] mtu 1500
              interface ceph0 on ceph address 192.168.43.12 driver r8169 mtu 1500
            }
            host k8s-3 {
              role controlplane
              install-disk "/dev/nvme0n1"
              gpu i915
              interface net0 driver e1000e
              interface bond0 on lan address 192.168.5.213 dhcp bond active-backup [net0] mtu 1500
              interface ceph0 on ceph address 192.168.43.13 driver r8169 mtu 1500
            }
            host ai3090 {
              role worker
              install-disk "/dev/nvme0n1"
              gpu nvidia
              label "topology.kubernetes.io/zone=w"
              taint "nvidia.com/gpu=present:NoSchedule"
              interface net0 driver e1000e
              interface bond0 on lan dhcp bond active-backup [net0] mtu 1500
              volume EPHEMERAL {
                disk "disk.transport == 'nvme'"
                max-size 75GiB
              }
              user-volume local-hdd {
                disk "disk.wwid == 'naa.5000c500a1b2c3d4'"
                min-size 900GiB
              }
            }
            device udm {
              kind gateway
              address 192.168.5.1 on lan
            }
            """;

    static EmitFixtures.Run run;

    @BeforeAll
    static void emit() {
        run = EmitFixtures.emitClean(TODAY);
    }

    static List<JsonNode> docs(String host) {
        return MultiDocumentTest.docs(run, host);
    }

    @Test
    void aDhcpReservationIsADhcpClientOnTheBondNotAStaticAddress() {
        List<JsonNode> cp = docs("k8s-1");
        JsonNode dhcp = single(cp, "DHCPv4Config", "bond0");
        assertEquals("mac", dhcp.path("clientIdentifier").asText());
        JsonNode bond = single(cp, "BondConfig", "bond0");
        assertTrue(bond.path("addresses").isMissingNode(), "the reserved address is DHCP's to give: " + bond);
        assertTrue(bond.path("routes").isMissingNode(), "DHCP gives the default route too");
        assertEquals(List.of("net0"), texts(bond.path("links")));
        assertEquals(1500, bond.path("mtu").asInt());
        assertEquals("192.168.43.11/24", single(cp, "LinkConfig", "ceph0").at("/addresses/0/address").asText(),
                "the Ceph link keeps its static address");
        assertEquals(1, ofKind(docs("ai3090"), "DHCPv4Config").size());
    }

    @Test
    void aVlanSubInterfaceIsAVlanDocumentOnItsParentWithoutAnAddress() {
        JsonNode vlan = single(docs("k8s-1"), "VLANConfig", "bond0.107");
        assertEquals("bond0", vlan.path("parent").asText());
        assertEquals(107, vlan.path("vlanID").asInt());
        assertEquals(1500, vlan.path("mtu").asInt());
        assertTrue(vlan.path("addresses").isMissingNode());
        assertEquals(List.of(), ofKind(docs("k8s-2"), "VLANConfig"));
    }

    @Test
    void anEndpointNameIsTheApiEndpointAndACertificateNameAndNoVipDocument() {
        for (String host : List.of("k8s-1", "k8s-2", "k8s-3", "ai3090")) {
            JsonNode machine = docs(host).get(0);
            assertEquals("https://k8s.internal:6443", machine.at("/cluster/controlPlane/endpoint").asText(), host);
            assertEquals(List.of(), ofKind(docs(host), "Layer2VIPConfig"), host);
        }
        assertEquals(List.of("k8s.internal"), texts(docs("k8s-1").get(0).at("/cluster/apiServer/certSANs")));
        assertEquals(List.of("192.168.5.0/24"), texts(docs("ai3090").get(0).at("/machine/kubelet/nodeIP/validSubnets")),
                "the node network names the kubelet's subnet even where the address comes from DHCP");
    }

    /**
     * With a worker, control planes take no pods unless the spec says they do (the real cluster does); Talos's
     * own CoreDNS stays on unless the spec turns it off (the real cluster runs CoreDNS as a Flux app).
     */
    @Test
    void controlPlaneWorkloadsAndTalosCoreDnsAreAsTheSpecSays() {
        JsonNode defaults = docs("k8s-1").get(0).path("cluster");
        assertFalse(defaults.path("allowSchedulingOnControlPlanes").asBoolean(), "a worker exists: control planes stay free");
        assertTrue(defaults.path("coreDNS").isMissingNode(), "Talos's CoreDNS is on by default");

        String said = TODAY.replace("  kube-proxy false\n", "  kube-proxy false\n  control-plane-workloads true\n  coredns false\n");
        assertNotEquals(TODAY, said);
        EmitFixtures.Run r = EmitFixtures.emitClean(said);
        // control-plane settings: a worker's config carries neither, as in configs talosctl generates
        JsonNode cluster = MultiDocumentTest.docs(r, "k8s-1").get(0).path("cluster");
        assertTrue(cluster.path("coreDNS").path("disabled").asBoolean());
        assertTrue(cluster.path("allowSchedulingOnControlPlanes").asBoolean());
    }

    @Test
    void labelsAndTaintsAreTheNodesOwn() {
        JsonNode cp = docs("k8s-1").get(0).path("machine");
        assertEquals(Map.of("topology.kubernetes.io/zone", "m", "topology.kubernetes.io/region", "main"),
                MultiDocumentTest.fields(cp.path("nodeLabels")));
        assertTrue(cp.path("nodeTaints").isMissingNode());
        JsonNode worker = docs("ai3090").get(0).path("machine");
        assertEquals(Map.of("nvidia.com/gpu", "present:NoSchedule"), MultiDocumentTest.fields(worker.path("nodeTaints")));
        assertEquals(Map.of("topology.kubernetes.io/zone", "w"), MultiDocumentTest.fields(worker.path("nodeLabels")));
        assertTrue(docs("k8s-2").get(0).path("machine").path("nodeLabels").isMissingNode());
    }

    @Test
    void volumesCarryTheirDiskSelectorAndSizes() {
        JsonNode cpEphemeral = single(docs("k8s-1"), "VolumeConfig", "EPHEMERAL");
        assertEquals("disk.transport == 'nvme'", cpEphemeral.at("/provisioning/diskSelector/match").asText());
        assertEquals("400GiB", cpEphemeral.at("/provisioning/maxSize").asText());
        assertEquals("75GiB", single(docs("ai3090"), "VolumeConfig", "EPHEMERAL").at("/provisioning/maxSize").asText());
        JsonNode hostpath = single(docs("k8s-1"), "UserVolumeConfig", "local-hostpath");
        assertEquals("50GiB", hostpath.at("/provisioning/minSize").asText());
        assertTrue(hostpath.at("/provisioning/maxSize").isMissingNode());
        JsonNode hdd = single(docs("ai3090"), "UserVolumeConfig", "local-hdd");
        assertEquals("disk.wwid == 'naa.5000c500a1b2c3d4'", hdd.at("/provisioning/diskSelector/match").asText());
        assertEquals("900GiB", hdd.at("/provisioning/minSize").asText());
        assertEquals(List.of(), ofKind(docs("k8s-2"), "VolumeConfig"));
        assertEquals(List.of("v1alpha1", "HostnameConfig", "ResolverConfig", "LinkAliasConfig", "LinkAliasConfig",
                "LinkConfig", "BondConfig", "VLANConfig", "DHCPv4Config", "VolumeConfig", "UserVolumeConfig"), kinds(docs("k8s-1")));
    }

    @Test
    void eachNodesSchematicHasTheClusterExtensionsPlusItsGpusAndTheyDiffer() {
        Schematic intel = new Schematic(List.of("siderolabs/i915", "siderolabs/intel-ucode", "siderolabs/mei"));
        Schematic nvidia = new Schematic(List.of("siderolabs/intel-ucode", "siderolabs/mei",
                "siderolabs/nonfree-kmod-nvidia-production", "siderolabs/nvidia-container-toolkit-production"));
        assertFalse(intel.id().equals(nvidia.id()));
        for (String cp : List.of("k8s-1", "k8s-2", "k8s-3")) {
            assertEquals("factory.talos.dev/metal-installer/" + intel.id() + ":v1.13.8",
                    docs(cp).get(0).at("/machine/install/image").asText(), cp);
        }
        assertEquals("factory.talos.dev/metal-installer/" + nvidia.id() + ":v1.13.8",
                docs("ai3090").get(0).at("/machine/install/image").asText());
        assertEquals(List.of("talos-schematics/" + intel.id() + ".yaml", "talos-schematics/" + nvidia.id() + ".yaml").stream().sorted().toList(),
                run.paths().stream().filter(p -> p.startsWith("talos-schematics/")).toList());
        JsonNode file = run.doc("talos-schematics/" + nvidia.id() + ".yaml");
        assertEquals(nvidia.extensions(), texts(file.at("/customization/systemExtensions/officialExtensions")));
        assertEquals(List.of("nbd"), docs("ai3090").get(0).at("/machine/kernel/modules").findValuesAsText("name"));
    }

    /**
     * The classic form (Talos v1.10 and v1.11) says all of today's spec now: the VLAN sub-interface goes under its
     * bond's {@code vlans} in the v1alpha1 document, with its id and MTU, so no HL096 refuses the spec.
     */
    @Test
    void theClassicFormWritesTheVlanUnderItsBond() {
        String text = TODAY.replace("talos v1.13.8", "talos v1.11.5").replace("kubernetes v1.36.3", "kubernetes v1.34.1");
        EmitFixtures.Run classic = EmitFixtures.emitText(text);
        assertFalse(classic.failed(), () -> String.valueOf(classic.findings()));
        JsonNode machine = MultiDocumentTest.docs(classic, "k8s-1").get(0);
        JsonNode bond = null;
        for (JsonNode i : machine.at("/machine/network/interfaces")) if (i.path("interface").asText().equals("bond0")) bond = i;
        assertTrue(bond != null, "bond0 in " + machine.at("/machine/network/interfaces"));
        assertEquals(1, bond.path("vlans").size(), bond.toString());
        assertEquals(107, bond.at("/vlans/0/vlanId").asInt());
        assertEquals(1500, bond.at("/vlans/0/mtu").asInt());
    }
}
