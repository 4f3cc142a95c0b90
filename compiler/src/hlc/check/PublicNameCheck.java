package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.Device;
import hlc.model.DnsProvider;
import hlc.model.Host;
import hlc.model.Located;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * HL085 (a warning): a host or device is named in a domain that a public DNS provider serves. Machines are named
 * for the LAN ({@code <host>.<local-domain>}); a name in the public zone is kept out of public DNS only because its
 * address is private, it tells whoever reads the zone what the LAN holds once any provider publishes it, and the
 * public and LAN views of the domain then disagree about it. Only with {@code dns-provider} blocks: they are what
 * says which domains are public (a provider whose target is a service, such as Cloudflare).
 */
public final class PublicNameCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL085);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        List<DnsProvider> publicProviders = new ArrayList<>(); // a loop, not a stream: see KubernetesNameCheck
        for (DnsProvider p : ix.spec().dnsProviders()) if (ix.isPublic(p)) publicProviders.add(p);
        if (publicProviders.isEmpty()) return;
        for (Host h : ix.spec().hosts()) {
            String name = ix.machineName(h);
            DnsProvider p = name == null ? null : holding(publicProviders, Name.dnsKey(name));
            if (p == null) continue;
            reporter.warning(Code.HL085, h.name().span(), "host `" + h.name() + "` is named `" + name + "`, in a domain the"
                            + " public DNS provider `" + p.name() + "` serves")
                    .hint("give the site a `local-domain` (hosts are named in it, e.g. `local-domain internal`), or take the"
                            + " domain out of `" + p.name() + "`'s `domains`").emit();
        }
        for (Device d : ix.spec().devices()) {
            if (d.addresses().isEmpty()) continue; // no record
            for (Name n : d.dnsNames()) {
                DnsProvider p = holding(publicProviders, n.dnsKey());
                if (p == null) continue;
                String first = n.dnsKey().split("\\.")[0];
                reporter.warning(Code.HL085, n.span(), "device `" + d.name() + "` is named `" + n + "`, in a domain the"
                                + " public DNS provider `" + p.name() + "` serves")
                        .hint(ix.spec().site() != null && ix.spec().site().localDomain() != null
                                ? "name it in the site's local domain (`" + first + "." + ix.spec().site().localDomain() + "`)"
                                : "name it in a domain only the LAN's DNS serves (the site's `local-domain`)").emit();
            }
            if (d.dnsNames().isEmpty() && ix.machineDomain() != null) {
                String name = d.name().text() + "." + ix.machineDomain();
                DnsProvider p = holding(publicProviders, Name.dnsKey(name));
                if (p == null) continue;
                reporter.warning(Code.HL085, d.name().span(), "device `" + d.name() + "` is named `" + name + "`, in a domain"
                                + " the public DNS provider `" + p.name() + "` serves")
                        .hint("give the site a `local-domain` (devices without `dns` names are named in it), or give the"
                                + " device a `dns` name in a LAN domain").emit();
            }
        }
    }

    /** The first public provider whose domains hold the name (a `${VAR}` domain holds no name the spec can see). */
    private static DnsProvider holding(List<DnsProvider> providers, String key) {
        for (DnsProvider p : providers) {
            for (Located<String> d : p.domains()) {
                String dk = Name.dnsKey(d.value());
                if (key.equals(dk) || key.endsWith("." + dk)) return p;
            }
        }
        return null;
    }
}
