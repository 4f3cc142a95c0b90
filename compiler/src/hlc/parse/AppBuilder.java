package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds an `app` block: a Flux Kustomization with its dependencies, routes, variables and Multus attachments. */
final class AppBuilder extends BlockBuilder {
    AppBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    /** The block's value, or null when its name is missing (the parser has reported that). */
    App build(AppDeclContext ctx) {
        Name name = lit.name(ctx.name());
        String t = title("app", name);
        Slot<Name> namespace = new Slot<>("namespace", t);
        Slot<Located<String>> path = new Slot<>("path", t);
        Slot<Located<Boolean>> wait = new Slot<>("wait", t);
        Slot<Located<Boolean>> prune = new Slot<>("prune", t);
        Slot<Duration> interval = new Slot<>("interval", t);
        Slot<Duration> timeout = new Slot<>("timeout", t);
        Slot<String> desc = new Slot<>("description", t);
        List<Name> depends = new ArrayList<>();
        List<Name> storage = new ArrayList<>();
        List<Name> uses = new ArrayList<>();
        List<App.Route> routes = new ArrayList<>();
        List<App.Var> vars = new ArrayList<>();
        List<App.Dependency> dependencies = new ArrayList<>();
        List<Located<String>> components = new ArrayList<>();
        List<App.Multus> multus = new ArrayList<>();
        List<App.NfsVolume> nfsVolumes = new ArrayList<>();
        Slot<Located<String>> version = new Slot<>("version", t);
        Slot<Name> cluster = new Slot<>("cluster", t);
        List<App.HealthCheck> healthChecks = new ArrayList<>();
        Slot<Duration> retryInterval = new Slot<>("retry-interval", t);
        Slot<Decryption> decryption = new Slot<>("decryption", t);
        List<App.SubstituteSource> substituteFrom = new ArrayList<>();
        Slot<YamlBlock> fluxSpec = new Slot<>("flux-spec", t);
        for (AppAttrContext a : ctx.appAttr()) {
            Span at = lit.span(a);
            if (a instanceof AppNamespaceContext c) namespace.set(reporter, at, lit.name(c.name()));
            else if (a instanceof AppPathContext c) path.set(reporter, at, lit.nonEmpty(c.STRING(), "app path"));
            else if (a instanceof AppDependsContext c) {
                List<App.Dependency> deps = appRefs(c.appRefList());
                dependencies.addAll(deps);
                deps.forEach(d -> depends.add(d.app()));
            }
            else if (a instanceof AppStorageContext c) {
                Name s = lit.name(c.name());
                if (s != null) storage.add(s);
            } else if (a instanceof AppRouteContext c) {
                Name dns = lit.name(c.dnsName());
                if (dns != null) routes.add(new App.Route(dns, c.name() == null ? null : lit.name(c.name())));
            } else if (a instanceof AppVarContext c) {
                App.Var v = variable(c);
                if (v != null) vars.add(v);
            } else if (a instanceof AppWaitContext c) {
                wait.set(reporter, at, c.bool() == null ? new Located<>(true, at) : lit.bool(c.bool()));
            } else if (a instanceof AppPruneContext c) prune.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof AppIntervalContext c) interval.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof AppTimeoutContext c) timeout.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof AppUsesContext c) uses.addAll(names(c.nameList()));
            else if (a instanceof AppDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
            else if (a instanceof AppComponentsContext c) components.addAll(components(c.componentList()));
            else if (a instanceof AppMultusContext c) {
                Ip ip = lit.ip(c.address(0));
                Name net = lit.name(c.name());
                Ip via = c.address().size() > 1 ? lit.ip(c.address(1)) : null;
                if (ip != null && net != null) multus.add(new App.Multus(ip, net, via));
            } else if (a instanceof AppNfsVolumeContext c && c.name().size() == 3) {
                Name vol = lit.name(c.name(0));
                Name device = lit.name(c.name(1));
                Name export = lit.name(c.name(2));
                Located<String> mount = c.STRING() == null ? null : lit.absolutePath(c.STRING(), "mount path", "/", "/media");
                if (vol != null && device != null && export != null) nfsVolumes.add(new App.NfsVolume(vol, device, export, mount, at));
            } else if (a instanceof AppClusterContext c) cluster.set(reporter, at, lit.name(c.name()));
            else if (a instanceof AppHealthCheckContext c) addIfPresent(healthChecks, healthCheck(c, at));
            else if (a instanceof AppRetryIntervalContext c) retryInterval.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof AppDecryptionContext c) {
                decryption.set(reporter, at, FluxBuilder.decryption(lit, c.name(0), c.name().size() > 1 ? c.name(1) : null, at));
            } else if (a instanceof AppSubstituteFromContext c && c.name().size() == 2) {
                Name kind = lit.choice(c.name(0), SUBSTITUTE_KINDS, "kind of variables source");
                Name from = lit.name(c.name(1));
                if (kind != null && from != null) substituteFrom.add(new App.SubstituteSource(kind, from, c.getChild(c.getChildCount() - 1).getText().equals("optional"), at));
            } else if (a instanceof AppFluxSpecContext c) {
                fluxSpec.set(reporter, at, new PatchReader(reporter, lit).block(c.patchBody(), at, Code.HL133, "flux-spec"));
            }
            else if (a instanceof AppVersionContext c) {
                String v = c.VERSION() != null ? c.VERSION().getText() : c.dnsName() == null ? null : c.dnsName().getText();
                version.set(reporter, at, v == null ? null : new Located<>(v, at));
            }
        }
        require(ctx, namespace, name, "app", "namespace", "namespace media");
        return name == null ? null : new App(name, namespace.get(), path.get(), depends, storage, routes, vars, wait.get(),
                    prune.get(), interval.get(), timeout.get(), uses, desc.get(), dependencies, components, multus,
                    version.get(), nfsVolumes, cluster.get(), healthChecks, retryInterval.get(), decryption.get(),
                    substituteFrom, fluxSpec.get());
    }

    /** {@code health-check KIND [NAMESPACE/]NAME [api "GROUP/VERSION"]}, or null when a part is missing. */
    private App.HealthCheck healthCheck(AppHealthCheckContext c, Span at) {
        Name kind = lit.name(c.name());
        HealthCheckTargetContext target = c.healthCheckTarget();
        if (kind == null || target == null || target.dnsName().isEmpty()) return null;
        Name first = lit.name(target.dnsName(0));
        Name second = target.dnsName().size() > 1 ? lit.name(target.dnsName(1)) : null;
        if (first == null || (target.dnsName().size() > 1 && second == null)) return null;
        Located<String> api = c.STRING() == null ? null : lit.nonEmpty(c.STRING(), "health check apiVersion");
        return second == null ? new App.HealthCheck(kind, null, first, api, at) : new App.HealthCheck(kind, first, second, api, at);
    }

    private List<App.Dependency> appRefs(AppRefListContext c) {
        List<App.Dependency> out = new ArrayList<>();
        if (c == null) return out;
        for (AppRefContext r : c.appRef()) {
            if (r.name().isEmpty()) continue;
            Name app = lit.name(r.name(0));
            Name ns = r.name().size() > 1 ? lit.name(r.name(1)) : null;
            if (app != null && (r.name().size() == 1 || ns != null)) out.add(new App.Dependency(app, ns));
        }
        return out;
    }

    private App.Var variable(AppVarContext c) {
        Name name = lit.name(c.name());
        ValueContext v = c.value();
        if (name == null || Literals.missing(v)) return null;
        if (v.secretRef() != null) {
            SecretRef s = secretRef(v.secretRef());
            return s == null ? null : new App.Var(name, null, s);
        }
        String text = v.STRING() != null ? Strings.unquote(v.getText()) : v.getText();
        return new App.Var(name, new Located<>(text, lit.span(v)), null);
    }
}
