package hlc.emit.dns;

import hlc.resolve.ResolvedSpec;
import hlc.model.Device;
import hlc.model.DnsProvider;
import hlc.model.Ip;
import hlc.model.Located;
import hlc.model.Name;
import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv6.IPv6Address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spec's {@code dns-provider} blocks (external-dns instances) and which of them a record goes to, read from
 * the model in one place.
 *
 * <p>A provider whose {@code target} is a service (Cloudflare) is public; one whose target is a device (the
 * UniFi gateway, through a webhook) serves the LAN. A record goes to every provider that reads DNSEndpoints
 * ({@code sources} with {@code crd}) and whose {@code domains} hold its name, except that a private address is
 * never given to a public provider: a LAN address in public DNS tells the world the layout and serves no one.
 */
public record DnsProviders(List<Provider> providers) {

    /** One external-dns instance, with what its Helm values say. */
    public record Provider(String name, boolean isPublic, List<String> domains, List<String> sources, String txtPrefix,
                           String owner, String policy, String webhook, String controller, String service,
                           String description) {
        public boolean readsDnsEndpoints() {
            return sources.contains("crd");
        }

        /** A name is in a domain when it is the domain or ends with {@code .domain}; `${VAR}` domains hold no name here. */
        boolean holds(String dnsName) {
            for (String d : domains) {
                String key = Name.dnsKey(d);
                if (dnsName.equals(key) || dnsName.endsWith("." + key)) return true;
            }
            return false;
        }
    }

    public static DnsProviders of(ResolvedSpec ix) {
        List<Provider> out = new ArrayList<>();
        for (DnsProvider p : ix.spec().dnsProviders()) {
            String target = p.target() == null ? null : p.target().text();
            Device d = target == null ? null : ix.devices().get(target);
            boolean isPublic = ix.isPublic(p);
            out.add(new Provider(p.name().text(), isPublic, p.domains().stream().map(Located::value).toList(),
                    p.sources().stream().map(Name::text).toList(), p.txtPrefix() == null ? null : p.txtPrefix().value(),
                    p.owner() == null ? null : p.owner().text(), p.policy() == null ? null : p.policy().text(),
                    p.webhook() == null ? null : p.webhook().value(),
                    d != null && d.controller() != null ? d.controller().value() : null,
                    isPublic ? target : null, p.description()));
        }
        out.sort(Comparator.comparing(Provider::name));
        return new DnsProviders(List.copyOf(out));
    }

    public boolean declared() {
        return !providers.isEmpty();
    }

    /** The providers that publish this record, by name (none when no provider both reads DNSEndpoints and may have it). */
    public List<String> publishing(String dnsName, Ip address) {
        List<String> out = new ArrayList<>();
        for (Provider p : providers) {
            if (!p.readsDnsEndpoints() || !p.holds(dnsName)) continue;
            if (p.isPublic() && !isPublicAddress(address)) continue;
            out.add(p.name());
        }
        return out;
    }

    /**
     * The public providers that publish a route through a public load balancer: as a CNAME to the name the
     * internet reaches that load balancer by, so no private address is given to them.
     */
    public List<String> publishingAlias(String dnsName) {
        List<String> out = new ArrayList<>();
        for (Provider p : providers) {
            if (p.isPublic() && p.readsDnsEndpoints() && p.holds(dnsName)) out.add(p.name());
        }
        return out;
    }

    /** Whether the LAN's own DNS (the gateway's static records) should hold the name: a LAN provider's domains do. */
    public boolean servedOnTheLan(String dnsName) {
        if (!declared()) return true;
        return providers.stream().anyMatch(p -> !p.isPublic() && p.holds(dnsName));
    }

    /** Whether an address can be reached from the internet: not private, loopback, link-local or unique-local. */
    static boolean isPublicAddress(Ip ip) {
        IPAddress a = ip.value();
        if (a.isLoopback() || a.isLinkLocal() || a.isMulticast() || a.isAnyLocal()) return false;
        if (a.isIPv4()) {
            return !a.toIPv4().isPrivate() && !new inet.ipaddr.IPAddressString("100.64.0.0/10").getAddress().contains(a);
        }
        IPv6Address v6 = a.toIPv6();
        return !v6.isUniqueLocal() && !v6.isSiteLocal();
    }
}
