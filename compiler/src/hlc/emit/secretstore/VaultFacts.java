package hlc.emit.secretstore;

import hlc.resolve.ResolvedSpec;
import hlc.model.App;
import hlc.model.Service;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The vault services of the spec ({@code kind vault}) as External Secrets stores: which provider serves each, its
 * API address, and the namespace of the Secret holding the vault's own credentials (that of the app that
 * {@code uses} the vault, where the External Secrets operator's stores live, else {@code external-secrets}).
 */
record VaultFacts(String name, Provider provider, String endpoint, String credentialsNamespace) {
    static final String DEFAULT_NAMESPACE = "external-secrets";

    /** The External Secrets providers hlc can configure from a service's endpoint alone. */
    enum Provider { AKEYLESS, HASHICORP_VAULT }

    static List<VaultFacts> of(ResolvedSpec ix) {
        List<VaultFacts> out = new ArrayList<>();
        for (Service s : ix.spec().services()) {
            if (s.kinds().stream().noneMatch(k -> k.text().equals("vault"))) continue;
            String endpoint = s.endpoint() == null ? null : s.endpoint().value();
            Provider p = providerOf(s.name().text(), endpoint);
            if (p == null) continue; // no endpoint: nothing to point a store at (the README says so)
            out.add(new VaultFacts(s.name().text(), p, endpoint, namespaceOf(ix, s)));
        }
        out.sort(Comparator.comparing(VaultFacts::name));
        return out;
    }

    /** aKeyless by its API host (or the service's name); any other vault with an endpoint is HashiCorp Vault's API. */
    static Provider providerOf(String name, String endpoint) {
        if (endpoint == null) return null;
        String host = "";
        try {
            host = URI.create(endpoint).getHost();
        } catch (IllegalArgumentException e) {
            // not a URI: decided by the name below
        }
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (host.equals("akeyless.io") || host.endsWith(".akeyless.io") || name.toLowerCase(Locale.ROOT).contains("akeyless")) {
            return Provider.AKEYLESS;
        }
        return Provider.HASHICORP_VAULT;
    }

    private static String namespaceOf(ResolvedSpec ix, Service vault) {
        return ix.spec().apps().stream()
                .filter(a -> a.uses().stream().anyMatch(u -> u.text().equals(vault.name().text())))
                .map(App::namespace).filter(n -> n != null).map(n -> n.text()).sorted().findFirst()
                .orElse(DEFAULT_NAMESPACE);
    }

    /** The Secret the user creates once with the vault's own credentials (never written by hlc). */
    String credentialsSecret() {
        return name + "-credentials";
    }
}
