package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `service` block: an external service the lab depends on, with its secrets and DNS names. */
final class ServiceBuilder extends BlockBuilder {
    ServiceBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Service build(ServiceDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("service", name);
        Slot<List<Name>> kinds = new Slot<>("kind", t);
        Slot<Located<String>> purpose = new Slot<>("purpose", t);
        Slot<Located<String>> usage = new Slot<>("usage", t);
        Slot<Located<String>> endpoint = new Slot<>("endpoint", t);
        List<SecretRef> secrets = new ArrayList<>();
        List<Name> dnsNames = new ArrayList<>();
        Slot<String> desc = new Slot<>("description", t);
        for (ServiceAttrContext a : ctx.serviceAttr()) {
            Span at = lit.span(a);
            if (a instanceof SvcKindContext c) {
                List<Name> ks = new ArrayList<>();
                if (c.nameList() != null) {
                    for (NameContext n : c.nameList().name()) {
                        Name k = lit.choice(n, SERVICE_KINDS, "service kind");
                        if (k != null) ks.add(k);
                    }
                }
                kinds.set(reporter, at, ks);
                if (c.nameList() != null && c.nameList().name().isEmpty()) {
                    reporter.error(Code.HL007, at, t + " has an empty `kind`")
                            .hint("say what it is, e.g. `kind [dns, tunnel]`").emit();
                }
            } else if (a instanceof SvcPurposeContext c) purpose.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcUsageContext c) usage.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcEndpointContext c) endpoint.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SvcSecretContext c) {
                SecretRef s = secretRef(c.secretRef());
                if (s != null) secrets.add(s);
            } else if (a instanceof SvcDnsNameContext c) addIfPresent(dnsNames, lit.name(c.dnsName()));
            else if (a instanceof SvcDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(ctx, kinds, name, "service", "kind", "kind dns");
        return name == null ? null : new Service(name, kinds.get() == null ? List.of() : kinds.get(), purpose.get(), usage.get(),
                    endpoint.get(), secrets, dnsNames, desc.get());
    }
}
