package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds a `site` block: the domains and time zone every other block lives under. */
final class SiteBuilder extends BlockBuilder {
    SiteBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    Site build(SiteDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("site", name);
        Slot<Name> domain = new Slot<>("domain", t);
        Slot<Name> local = new Slot<>("local-domain", t);
        Slot<Located<String>> tz = new Slot<>("timezone", t);
        Slot<String> desc = new Slot<>("description", t);
        for (SiteAttrContext a : ctx.siteAttr()) {
            Span at = lit.span(a);
            if (a instanceof SiteDomainContext c) domain.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof SiteLocalDomainContext c) local.set(reporter, at, lit.name(c.dnsName()));
            else if (a instanceof SiteTimezoneContext c) tz.set(reporter, at, lit.string(c.STRING()));
            else if (a instanceof SiteDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        require(ctx, domain, name, "site", "domain", "domain example.com");
        return name == null ? null : new Site(name, domain.get(), local.get(), tz.get(), desc.get());
    }
}
