package hlc.model;

import java.util.List;

/** A box on the network that is not a node: the gateway, a NAS, a switch. */
public record Device(Name name, Name kind, Located<String> model, List<Address> addresses, List<Name> dnsNames,
                     List<Name> serves, Located<String> controller, List<Export> exports, String description) implements Named {
    public Device {
        addresses = List.copyOf(addresses);
        dnsNames = List.copyOf(dnsNames);
        serves = List.copyOf(serves);
        exports = List.copyOf(exports);
    }

    /** One address of the device on one network. */
    public record Address(Ip address, Name network) {}

    /** An NFS export: a short name for use in the spec, and the path on the server. */
    public record Export(Name name, Located<String> path) implements Named {}
}
