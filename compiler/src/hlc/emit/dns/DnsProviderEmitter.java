package hlc.emit.dns;

import hlc.emit.AppliedFolder;
import hlc.resolve.ResolvedSpec;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of each {@code dns-provider} (an external-dns instance) as Helm values for the external-dns chart,
 * under {@code dns/providers/}: a ConfigMap {@code <provider>-values} (key {@code values.yaml}) that the
 * instance's HelmRelease reads through {@code valuesFrom}, with its provider (the target service, or the webhook
 * image and the gateway's controller address), {@code domainFilters}, {@code sources}, {@code txtPrefix},
 * {@code txtOwnerId} and {@code policy}. Read by the instances' HelmReleases, so applied with no app before it.
 */
public final class DnsProviderEmitter implements Emitter {
    static final String NAMESPACE = "network";
    static final String FOLDER = "dns/providers";

    @Override
    public List<FileSpec> files(ResolvedSpec ix, EmitProblems problems) {
        List<FileSpec> files = new ArrayList<>();
        for (DnsProviders.Provider p : DnsProviders.of(ix).providers()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", p.name() + "-values");
            c.put("release", p.name());
            c.put("namespace", NAMESPACE);
            c.put("provider", p.webhook() != null ? "webhook" : p.service() != null ? p.service() : "");
            String[] image = image(p.webhook());
            c.put("image_repository", image[0]);
            c.put("image_tag", image[1]);
            c.put("controller", p.controller() == null ? "" : p.controller());
            c.put("domains", p.domains());
            c.put("sources", p.sources());
            c.put("crd", p.readsDnsEndpoints());
            c.put("txt_prefix", p.txtPrefix() == null ? "" : p.txtPrefix());
            c.put("owner", p.owner() == null ? "" : p.owner());
            c.put("policy", p.policy() == null ? "" : p.policy());
            c.put("description", p.description() == null ? "" : p.description());
            files.add(new FileSpec(FOLDER + "/" + p.name() + "-values.yaml", "external-dns-values.yaml.j2", c, false));
        }
        return files;
    }

    @Override
    public List<AppliedFolder> appliedFolders(ResolvedSpec ix) {
        return ix.spec().dnsProviders().isEmpty() ? List.of() : List.of(new AppliedFolder("hlc-dns-providers", FOLDER, List.of()));
    }

    /**
     * A webhook written {@code owner/name version} as the image's repository and tag; without a registry it is
     * on ghcr.io, where external-dns webhooks (kashalls/external-dns-unifi-webhook) are published.
     */
    static String[] image(String webhook) {
        if (webhook == null || webhook.isBlank()) return new String[]{"", ""};
        String[] parts = webhook.trim().split("\\s+", 2);
        String repo = parts[0];
        String first = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : "";
        if (!first.contains(".") && !first.contains(":")) repo = "ghcr.io/" + repo;
        return new String[]{repo, parts.length > 1 ? parts[1] : ""};
    }
}
