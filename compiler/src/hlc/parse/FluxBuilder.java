package hlc.parse;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.*;
import hlc.parse.gen.HomeLabParser.*;

import java.util.ArrayList;
import java.util.List;

import static hlc.parse.Choices.*;

/** Builds the `flux` block inside `cluster`: repository, layout, substitutions and namespaces. */
final class FluxBuilder extends BlockBuilder {
    FluxBuilder(Reporter reporter, Literals lit) {
        super(reporter, lit);
    }

    Cluster.Flux build(ClusterFluxContext ctx) {
        String t = "`flux`";
        Slot<Located<String>> repo = new Slot<>("repository", t);
        Slot<Name> branch = new Slot<>("branch", t);
        Slot<Located<String>> path = new Slot<>("path", t);
        Slot<Duration> interval = new Slot<>("interval", t);
        Slot<Name> layout = new Slot<>("layout", t);
        Slot<Name> substituteFrom = new Slot<>("substitute-from", t);
        Slot<Decryption> decryption = new Slot<>("decryption", t);
        List<Name> substituteVariables = new ArrayList<>();
        List<Cluster.Namespace> namespaces = new ArrayList<>();
        List<Cluster.Root> roots = new ArrayList<>();
        List<Name> appsDepend = new ArrayList<>();
        for (FluxAttrContext a : ctx.fluxAttr()) {
            Span at = lit.span(a);
            if (a instanceof FluxRepositoryContext c) repo.set(reporter, at, lit.nonEmpty(c.STRING(), "Flux repository"));
            else if (a instanceof FluxBranchContext c) branch.set(reporter, at, lit.name(c.name()));
            else if (a instanceof FluxPathContext c) path.set(reporter, at, lit.nonEmpty(c.STRING(), "Flux path"));
            else if (a instanceof FluxIntervalContext c) interval.set(reporter, at, lit.duration(c.DURATION()));
            else if (a instanceof FluxLayoutContext c) layout.set(reporter, at, lit.choice(c.name(), FLUX_LAYOUTS, "Flux layout"));
            else if (a instanceof FluxSubstituteFromContext c) {
                substituteFrom.set(reporter, at, lit.name(c.name()));
                substituteVariables.addAll(names(c.nameList()));
            } else if (a instanceof FluxDecryptionContext c) {
                decryption.set(reporter, at, decryption(lit, c.name(0), c.name().size() > 1 ? c.name(1) : null, at));
            } else if (a instanceof FluxNamespaceContext c) {
                Cluster.Namespace ns = fluxNamespace(c);
                if (ns != null) namespaces.add(ns);
            } else if (a instanceof FluxRootContext c) {
                Cluster.Root r = root(c);
                if (r != null) roots.add(r);
            } else if (a instanceof FluxAppsDependContext c) {
                appsDepend.addAll(names(c.nameList()));
            }
        }
        sourceRules(repo.get(), branch.get());
        return new Cluster.Flux(repo.get(), branch.get(), path.get(), interval.get(), layout.get(),
                substituteFrom.get(), substituteVariables, namespaces, decryption.get(), roots, appsDepend);
    }

    /** A {@code decryption} attribute (the flux block's or an app's): its provider, and the Secret of its keys. */
    static Decryption decryption(Literals lit, NameContext provider, NameContext secret, Span at) {
        Name p = lit.choice(provider, DECRYPTION_PROVIDERS, "Flux decryption provider");
        if (p == null) return null;
        return new Decryption(p, secret == null ? null : lit.name(secret), at);
    }

    /**
     * The repository becomes the GitRepository's {@code url}, which Flux reads only as http(s):// or ssh://
     * (scp-like {@code git@host:path} is not a URL to it); a branch means nothing without the repository it is of.
     */
    private void sourceRules(Located<String> repository, Name branch) {
        if (repository != null && !repository.value().matches("^(https?|ssh)://\\S+$")) {
            String v = repository.value();
            String hint = v.matches("^[\\w.-]+@[\\w.-]+:.+$")
                    ? "write it as an SSH URL: `ssh://" + v.replaceFirst(":", "/") + "`"
                    : "write the URL Flux clones from, e.g. `https://github.com/you/home-ops`";
            reporter.error(Code.HL004, repository.span(), "the Flux repository `" + v + "` is not an http(s):// or ssh:// URL")
                    .hint(hint).emit();
        }
        if (branch != null && repository == null) {
            reporter.error(Code.HL007, branch.span(), "`flux` has a `branch` but no `repository`")
                    .hint("add the repository Flux syncs, e.g. `repository \"https://github.com/you/home-ops\"`, or remove the branch").emit();
        }
    }

    /** A {@code root NAME { … }}: its path is required (a Kustomization applies a folder). */
    private Cluster.Root root(FluxRootContext ctx) {
        Name name = lit.name(ctx.name());
        if (name == null) return null;
        String t = "`root " + name.text() + "` of `flux`";
        Slot<Located<String>> path = new Slot<>("path", t);
        Slot<Name> namespace = new Slot<>("namespace", t);
        Slot<Located<Boolean>> wait = new Slot<>("wait", t);
        Slot<Located<Boolean>> prune = new Slot<>("prune", t);
        Slot<Duration> interval = new Slot<>("interval", t);
        for (FluxRootAttrContext a : ctx.fluxRootAttr()) {
            Span at = lit.span(a);
            if (a instanceof FluxRootPathContext c) path.set(reporter, at, lit.nonEmpty(c.STRING(), "root path"));
            else if (a instanceof FluxRootNamespaceContext c) namespace.set(reporter, at, lit.name(c.name()));
            else if (a instanceof FluxRootWaitContext c) wait.set(reporter, at, c.bool() == null ? new Located<>(true, at) : lit.bool(c.bool()));
            else if (a instanceof FluxRootPruneContext c) prune.set(reporter, at, lit.bool(c.bool()));
            else if (a instanceof FluxRootIntervalContext c) interval.set(reporter, at, lit.duration(c.DURATION()));
        }
        if (path.get() == null) {
            reporter.error(Code.HL007, name.span(), t + " has no `path`")
                    .hint("add the repository folder it applies, e.g. `path \"./kubernetes/flux/repositories\"`").emit();
        }
        return new Cluster.Root(name, path.get(), namespace.get(), wait.get(), prune.get(), interval.get());
    }

    private Cluster.Namespace fluxNamespace(FluxNamespaceContext ctx) {
        Name name = lit.name(ctx.name());
        if (name == null) return null;
        String t = "`namespace " + name.text() + "` of `flux`";
        Slot<List<Located<String>>> components = new Slot<>("components", t);
        Slot<String> desc = new Slot<>("description", t);
        for (FluxNamespaceAttrContext a : ctx.fluxNamespaceAttr()) {
            Span at = lit.span(a);
            if (a instanceof FluxNamespaceComponentsContext c) components.set(reporter, at, components(c.componentList()));
            else if (a instanceof FluxNamespaceDescriptionContext c) desc.set(reporter, at, text(lit.string(c.STRING())));
        }
        return new Cluster.Namespace(name, components.get() == null ? List.of() : components.get(), desc.get());
    }
}
