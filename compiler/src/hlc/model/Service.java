package hlc.model;

import java.util.List;

/** An external (cloud) service the cluster relies on, and the vault secrets it uses. */
public record Service(Name name, List<Name> kinds, Located<String> purpose, Located<String> usage,
                      Located<String> endpoint, List<SecretRef> secrets) {}
