package hlc.model;

import java.util.List;

/**
 * An external-dns instance: where it writes records (a DNS service such as Cloudflare, or the UniFi gateway
 * through a webhook), which domains and Kubernetes sources it reads, and how it marks the records it owns.
 */
public record DnsProvider(Name name, Name target, List<Located<String>> domains, List<Name> sources,
                          Located<String> txtPrefix, Name owner, Name policy, Located<String> webhook,
                          String description) implements Named {
    public DnsProvider {
        domains = List.copyOf(domains);
        sources = List.copyOf(sources);
    }
}
