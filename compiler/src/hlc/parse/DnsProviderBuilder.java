package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `dns-provider` block: which DNS names go to which provider, and how. */
final class DnsProviderBuilder extends BlockBuilder {
    DnsProviderBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    DnsProvider build(DnsProviderDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("dns-provider", name);
        Slot<Name> target = new Slot<>("target", t);
        Slot<List<Located<String>>> domains = new Slot<>("domains", t);
        Slot<List<Name>> sources = new Slot<>("sources", t);
        Slot<Located<String>> txtPrefix = new Slot<>("txt-prefix", t);
        Slot<Name> owner = new Slot<>("owner", t);
        Slot<Name> policy = new Slot<>("policy", t);
        Slot<Located<String>> webhook = new Slot<>("webhook", t);
        Slot<String> desc = new Slot<>("description", t);
        for (DnsProviderAttrContext a : ctx.dnsProviderAttr()) {
            Span at = lit.span(a);
            if (a instanceof DnsTargetContext c) target.set(reporter, at, lit.name(c.name()));
            else if (a instanceof DnsDomainsContext c) domains.set(reporter, at, domains(c.domainList()));
            else if (a instanceof DnsSourcesContext c) sources.set(reporter, at, names(c.nameList()));
            else if (a instanceof DnsTxtPrefixContext c) txtPrefix.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof DnsOwnerContext c) owner.set(reporter, at, lit.name(c.name()));
            else if (a instanceof DnsPolicyContext c) policy.set(reporter, at, lit.choice(c.name(), DNS_POLICIES, "external-dns policy"));
            else if (a instanceof DnsWebhookContext c) webhook.set(reporter, at, lit.nonEmpty(c.STRING(), "webhook"));
            else if (a instanceof DnsDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(ctx, target, name, "dns-provider", "target", "target cloudflare");
        return name == null ? null : new DnsProvider(name, target.get(), domains.get() == null ? List.of() : domains.get(),
                    sources.get() == null ? List.of() : sources.get(), txtPrefix.get(), owner.get(), policy.get(),
                    webhook.get(), desc.get());
    }

    private List<Located<String>> domains(DomainListContext c) {
        List<Located<String>> out = new ArrayList<>();
        if (c == null) return out;
        for (DomainContext d : c.domain()) {
            if (Literals.missing(d)) continue;
            if (d.STRING() != null) addIfPresent(out, lit.nonEmpty(d.STRING(), "domain"));
            else out.add(new Located<>(d.getText(), lit.span(d)));
        }
        return out;
    }
}
