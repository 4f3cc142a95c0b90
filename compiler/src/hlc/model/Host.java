package hlc.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A bare-metal Talos node. {@code cluster} is the cluster it is a node of, as written ({@code cluster edge});
 * null when the spec leaves it out, which means the only cluster (a spec with several must say it, HL062).
 */
public record Host(Name name, Located<String> model, Located<String> cpu, Size memory, Located<Role> role,
                   Located<String> installDisk, Gpu gpu, List<Osd> osds, List<Interface> interfaces,
                   String description, List<Label> labels, List<Taint> taints, List<Located<String>> extensions,
                   List<Located<String>> usbDevices, List<Volume> volumes, List<Volume> userVolumes,
                   DiskSelector installDiskSelector, List<Located<String>> kernelArgs, List<Name> kernelModules,
                   List<Sysctl> sysctls, Name arch, Overlay overlay, Located<Boolean> secureBoot,
                   Name cluster, List<TalosPatch> patches, List<DiskEncryption> encryptions) implements Named {
    public Host {
        patches = List.copyOf(patches);
        encryptions = List.copyOf(encryptions);
        kernelArgs = List.copyOf(kernelArgs);
        kernelModules = List.copyOf(kernelModules);
        sysctls = List.copyOf(sysctls);
        osds = List.copyOf(osds);
        interfaces = List.copyOf(interfaces);
        labels = List.copyOf(labels);
        taints = List.copyOf(taints);
        extensions = List.copyOf(extensions);
        usbDevices = List.copyOf(usbDevices);
        volumes = List.copyOf(volumes);
        userVolumes = List.copyOf(userVolumes);
    }

    public boolean isControlPlane() {
        return role != null && role.value() == Role.CONTROLPLANE;
    }

    /** True when one of the host's interfaces is attached to the named network. */
    public boolean hasInterfaceOn(String network) {
        return interfaces.stream().anyMatch(i -> i.network() != null && i.network().text().equals(network));
    }

    /** The interface with this name, or null. */
    public Interface interfaceNamed(String name) {
        return interfaces.stream().filter(i -> i.name().text().equals(name)).findFirst().orElse(null);
    }

    /**
     * The system extensions of the node's image, in order and without repeats: the cluster's (every node),
     * the ones the GPU driver needs, then the host's own.
     */
    public List<String> allExtensions(List<Located<String>> clusterWide) {
        List<String> out = new ArrayList<>();
        for (Located<String> e : clusterWide) add(out, e.value());
        if (gpu != null) gpu.impliedExtensions().forEach(e -> add(out, e));
        for (Located<String> e : extensions) add(out, e.value());
        return out;
    }

    private static void add(List<String> out, String e) {
        if (!out.contains(e)) out.add(e);
    }

    /** True when the node's CPU is arm64 ({@code arch arm64}); amd64 when the spec says nothing. */
    public boolean isArm64() {
        return arch != null && arch.text().equals("arm64");
    }

    /** True when the node boots with SecureBoot: its installer is the Image Factory's SecureBoot one. */
    public boolean isSecureBoot() {
        return secureBoot != null && secureBoot.value();
    }

    /**
     * An Image Factory overlay: the board support of a single-board computer ({@code siderolabs/sbc-raspberrypi},
     * {@code rpi_generic}), written into the node's schematic.
     */
    public record Overlay(Located<String> image, Located<String> name, hlc.diag.Span at) {}

    /** A GPU by its kernel driver (i915, nvidia), with a free-text model. */
    public record Gpu(Name driver, Located<String> model) {
        /**
         * The Talos system extensions a node needs to drive this GPU: writing {@code gpu nvidia} is enough,
         * the image gets the out-of-tree module and the container toolkit.
         */
        public List<String> impliedExtensions() {
            return switch (driver.text()) {
                case "i915", "xe" -> List.of("siderolabs/i915");
                case "nvidia" -> List.of("siderolabs/nonfree-kmod-nvidia-production",
                        "siderolabs/nvidia-container-toolkit-production");
                case "amdgpu" -> List.of("siderolabs/amdgpu");
                default -> List.of();
            };
        }
    }

    /** A Ceph OSD device selector (a by-id glob), with its size when known. */
    public record Osd(Located<String> selector, Size size) {}

    /**
     * A network interface: a physical link (by driver), a bond of links, a VLAN sub-interface of another link,
     * or an interface with an address. {@code dhcp} is set when the address is a DHCP reservation (or, without
     * an address, when the interface takes whatever DHCP gives it). {@code ipv6} is its second address on a
     * dual-stack network, in the network's {@code ipv6} prefix.
     */
    public record Interface(Name name, Name network, Ip address, Name driver, Bond bond, Located<Integer> mtu,
                            Located<String> speed, Located<Boolean> dhcp, Vlan vlan, Ip ipv6, LinkMatch match,
                            List<Route> routes, Located<Integer> dhcpMetric) {
        public Interface {
            routes = List.copyOf(routes);
        }

        public Interface(Name name, Name network, Ip address, Name driver, Bond bond, Located<Integer> mtu,
                         Located<String> speed) {
            this(name, network, address, driver, bond, mtu, speed, null, null, null, LinkMatch.NONE, List.of(), null);
        }

        /** True when the link is chosen by what it is (driver, MAC, physical, bus path), not by its kernel name. */
        public boolean selected() {
            return driver != null || match.any();
        }

        public boolean isDhcp() {
            return dhcp != null && dhcp.value();
        }
    }

    /** A bond: its mode and member links (names of other interfaces of the same host), and its options. */
    public record Bond(Name mode, List<Name> members, BondOptions options) {
        public Bond {
            members = List.copyOf(members);
        }

        public Bond(Name mode, List<Name> members) {
            this(mode, members, BondOptions.NONE);
        }
    }

    /**
     * The kernel bonding options the spec sets (each null when not): LACP rate, transmit hash policy, and the MII
     * link monitoring interval and up/down delays in milliseconds.
     */
    public record BondOptions(Name lacpRate, Located<String> xmitHashPolicy, Located<Integer> miimon,
                              Located<Integer> updelay, Located<Integer> downdelay) {
        public static final BondOptions NONE = new BondOptions(null, null, null, null, null);

        public boolean any() {
            return lacpRate != null || xmitHashPolicy != null || miimon != null || updelay != null || downdelay != null;
        }

        /** Where the first option is written (for findings about options without a bond). */
        public hlc.diag.Span firstSpan() {
            if (lacpRate != null) return lacpRate.span();
            if (xmitHashPolicy != null) return xmitHashPolicy.span();
            if (miimon != null) return miimon.span();
            if (updelay != null) return updelay.span();
            return downdelay == null ? null : downdelay.span();
        }
    }

    /**
     * How a physical link is found besides its driver: its permanent MAC address, being the only physical link,
     * its bus path (a glob), or its Thunderbolt bus path ({@code thunderbolt "0-1.0"}: a thunderbolt-net link,
     * found by the bus path Talos reports for it, and held to that driver's MTU range instead of Ethernet's).
     * Each null/false when not given.
     */
    public record LinkMatch(Located<String> mac, Located<Boolean> physical, Located<String> busPath, Located<String> thunderbolt) {
        public static final LinkMatch NONE = new LinkMatch(null, null, null, null);

        public boolean any() {
            return mac != null || physical != null || busPath != null || thunderbolt != null;
        }

        /** The bus path the link is selected by: the Thunderbolt one or the plain one (at most one is given). */
        public Located<String> anyBusPath() {
            return thunderbolt != null ? thunderbolt : busPath;
        }

        /** Where the first selector is written, for findings about it. */
        public hlc.diag.Span firstSpan() {
            if (mac != null) return mac.span();
            if (physical != null) return physical.span();
            return anyBusPath() == null ? null : anyBusPath().span();
        }
    }

    /**
     * A static route on a link: its destination, the gateway it goes through (null: a link-scope route, the
     * destination reached on the link itself, as a Thunderbolt ring's host route to the peer at the cable's other
     * end), and its metric when given.
     */
    public record Route(Cidr network, Ip gateway, Located<Integer> metric) {}

    /**
     * Talos's install disk chosen by what the disk is (install.diskSelector) instead of its /dev path: every
     * property given must match. {@code size}, {@code minSize} and {@code maxSize} are Talos's one size
     * comparison ({@code 500GB}, {@code >= 500GB}, {@code <= 2TB}); at most one is set.
     */
    public record DiskSelector(hlc.diag.Span at, Size size, Size minSize, Size maxSize, Located<String> model,
                               Located<String> serial, Name type, Located<String> wwid, Located<String> busPath) {
        /** Talos's size comparison: {@code 500GB}, {@code >= 500GB} or {@code <= 2TB}; null when none. */
        public String sizeExpression() {
            if (size != null) return size.text();
            if (minSize != null) return ">= " + minSize.text();
            return maxSize == null ? null : "<= " + maxSize.text();
        }
    }

    /** A VLAN sub-interface: its VLAN id and its parent link (another interface of the same host). */
    public record Vlan(Located<Integer> id, Name parent) {}

    /** A Kubernetes node label, {@code key=value}. */
    public record Label(Located<String> key, Located<String> value, Located<String> written) {}

    /** A Kubernetes node taint, {@code key=value:Effect} (the value may be empty). */
    public record Taint(Located<String> key, Located<String> value, Located<String> effect, Located<String> written) {}

    /**
     * A Talos volume: EPHEMERAL (a VolumeConfig) or a user volume mounted at /var/mnt/name (a UserVolumeConfig).
     * {@code disk} is the CEL disk selector ({@code disk.transport == 'nvme'}); {@code diskSize} is the size of
     * the disk when the spec knows it, for the bounds check.
     */
    public record Volume(Name name, Size minSize, Size maxSize, Located<String> disk, Size diskSize,
                         Located<Boolean> grow) implements Named {}
}
