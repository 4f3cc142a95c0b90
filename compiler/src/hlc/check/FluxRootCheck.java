package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flux block's own roots ({@code root NAME { … }}), which hlc writes into the sync folder beside
 * {@code cluster-apps}: each is a Kustomization of flux-system, so its name is one no other Kustomization there
 * has (HL011): not {@code cluster-apps}, not {@code flux-system} (the Flux instance's own), not an {@code hlc-}
 * name (the folders hlc applies), not another root's, and not an app's that lives in flux-system. Each name in
 * {@code apps-depend} is a root of the block (HL010): cluster-apps can wait only for what the sync path applies
 * beside it.
 */
public final class FluxRootCheck implements Check {
    /** Names of flux-system Kustomizations that hlc or Flux itself writes. */
    private static final List<String> TAKEN = List.of("cluster-apps", "flux-system");

    @Override
    public List<Code> codes() {
        return List.of(Code.HL010, Code.HL011);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        if (c == null || c.flux() == null) return;
        boolean namespaced = c.flux().namespaced();
        Map<String, Name> seen = new HashMap<>();
        for (Cluster.Root r : c.flux().roots()) {
            String n = r.name().text();
            Name first = seen.putIfAbsent(n, r.name());
            if (first != null) {
                reporter.error(Code.HL011, r.name().span(), "a root named `" + n + "` is already declared")
                        .label(first.span(), "first declared here")
                        .hint("rename one of them; each root is a Kustomization of flux-system").emit();
            } else if (TAKEN.contains(n) || n.startsWith("hlc-")) {
                reporter.error(Code.HL011, r.name().span(), "root `" + n + "` has the name of a Kustomization "
                                + (n.startsWith("hlc-") ? "hlc writes for the folders it applies (`hlc-…`)"
                                : n.equals("cluster-apps") ? "hlc writes: the root that applies the apps" : "Flux makes for the sync path itself"))
                        .hint("give the root another name").emit();
            } else {
                for (App a : ix.spec().apps()) {
                    boolean inFluxSystem = !namespaced || (a.namespace() != null && a.namespace().text().equals("flux-system"));
                    if (!a.name().text().equals(n) || !inFluxSystem) continue;
                    reporter.error(Code.HL011, r.name().span(), "root `" + n + "` has the name of app `" + n
                                    + "`, whose Kustomization is in flux-system too")
                            .label(a.name().span(), "the app is declared here")
                            .hint("rename the root or the app: Flux would apply one of them over the other").emit();
                }
            }
        }
        for (Name d : c.flux().appsDepend()) {
            if (seen.containsKey(d.text())) continue;
            var diag = reporter.error(Code.HL010, d.span(), "`apps-depend` names `" + d.text() + "`, which is no root of the flux block");
            if (!diag.suggestClosest(d.span(), d.text(), seen.keySet())) {
                diag.hint("declare it with `root " + d.text() + " { path \"…\" }` in the flux block, or remove it");
            }
            diag.emit();
        }
    }
}
