package hlc.emit.secretstore;

import hlc.resolve.ResolvedSpec;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code ClusterSecretStore} per vault service, under {@code secret-stores/}, named after the service, which
 * is the store every ExternalSecret hlc writes names ({@code secret "KEY" from VAULT}). The vault's own
 * credentials are a Secret the user creates once (the README says how); the store only refers to it.
 */
public final class SecretStoreEmitter implements Emitter {
    static final String FOLDER = "secret-stores";

    /** The ClusterSecretStore of a vault service: its name, which ExternalSecrets put in secretStoreRef. */
    public static String storeName(String vault) {
        return vault;
    }

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        for (VaultFacts v : VaultFacts.of(ix)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", storeName(v.name()));
            c.put("provider", v.provider() == VaultFacts.Provider.AKEYLESS ? "akeyless" : "vault");
            c.put("endpoint", v.endpoint());
            c.put("secret", v.credentialsSecret());
            c.put("secret_namespace", v.credentialsNamespace());
            files.add(new FileSpec(FOLDER + "/" + v.name() + ".yaml", "clustersecretstore.yaml.j2", c, false));
        }
        return files;
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        if (VaultFacts.of(ix).isEmpty()) return List.of();
        return List.of(new AppliedFolder("hlc-secret-stores", FOLDER,
                ix.apps().containsKey("external-secrets") ? List.of("external-secrets") : List.of()));
    }
}
