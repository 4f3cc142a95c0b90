package hlc.model;

import java.util.List;

/** A bare-metal Talos node. */
public record Host(Name name, Located<String> model, Located<String> cpu, Size memory, Located<Role> role,
                   Located<String> installDisk, Gpu gpu, List<Osd> osds, List<Interface> interfaces,
                   String description) {

    public boolean isControlPlane() {
        return role != null && role.value() == Role.CONTROLPLANE;
    }

    /** True when one of the host's interfaces is attached to the named network. */
    public boolean hasInterfaceOn(String network) {
        return interfaces.stream().anyMatch(i -> i.network() != null && i.network().text().equals(network));
    }

    /** A GPU by its kernel driver (i915, nvidia), with a free-text model. */
    public record Gpu(Name driver, Located<String> model) {}

    /** A Ceph OSD device selector (a by-id glob), with its size when known. */
    public record Osd(Located<String> selector, Size size) {}

    /** A network interface: a physical link (by driver), a bond of links, or an interface with an address. */
    public record Interface(Name name, Name network, Ip address, Name driver, Bond bond, Located<Integer> mtu,
                            Located<String> speed) {}

    /** A bond: its mode and member links (names of other interfaces of the same host). */
    public record Bond(Name mode, List<Name> members) {}
}
