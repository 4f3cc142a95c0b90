package hlc.model;

import java.util.List;

/** An external (cloud) service the cluster relies on, the vault secrets it uses, and its names on the LAN. */
public record Service(Name name, List<Name> kinds, Located<String> purpose, Located<String> usage,
                      Located<String> endpoint, List<SecretRef> secrets, List<Name> dnsNames, String description) implements Named {
    public Service {
        kinds = List.copyOf(kinds);
        secrets = List.copyOf(secrets);
        dnsNames = List.copyOf(dnsNames);
    }
}
