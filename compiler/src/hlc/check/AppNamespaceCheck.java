package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Suggest;
import hlc.model.App;
import hlc.model.Cluster;
import hlc.resolve.ResolvedSpec;

import java.util.List;

/**
 * HL010 for an app's dependencies, and HL071: a dependency is found in the namespace it names. A Flux
 * {@code dependsOn} entry is a name and a namespace; if the app is in another namespace, Flux waits forever for a
 * Kustomization that does not exist, and the dependent app is never applied.
 *
 * <p>Which namespace a dependency means: the one written after {@code @}; for a bare name, the app's own
 * namespace when Flux uses the namespaced layout, and any namespace in the flat layout (all Kustomizations live
 * in flux-system there, and hlc writes the right namespace itself).
 */
public final class AppNamespaceCheck implements Check {
    @Override
    public List<Code> codes() {
        return List.of(Code.HL010, Code.HL071);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        Cluster c = ix.spec().cluster();
        boolean namespaced = c != null && c.flux() != null && c.flux().namespaced();
        for (App a : ix.spec().apps()) {
            for (App.Dependency d : a.dependencies()) {
                App target = ix.apps().get(d.app().text());
                String wanted = d.namespace() != null || namespaced ? a.namespaceOf(d) : null;
                if (target == null && OtherCluster.reported(ix, d.app(), "app", "app `" + a.name() + "`", v -> v.apps(), reporter)) {
                    continue;
                }
                if (target == null) {
                    List<String> candidates = wanted == null ? List.copyOf(ix.apps().keySet())
                            : ix.apps().values().stream().filter(x -> inNamespace(x, wanted)).map(x -> x.name().text()).toList();
                    if (wanted != null && Suggest.didYouMean(d.app().text(), candidates) == null) {
                        candidates = List.copyOf(ix.apps().keySet());
                    }
                    ReferenceCheck.missing(d.app(), wanted == null ? "app" : "app in namespace `" + wanted + "`",
                            candidates, reporter);
                    continue;
                }
                if (wanted == null || inNamespace(target, wanted) || target.namespace() == null) continue;
                var at = d.namespace() != null ? d.namespace() : d.app();
                String there = target.namespace().text();
                var diag = reporter.error(Code.HL071, at.span(), "app `" + d.app() + "` is in namespace `" + there
                                + "`, not `" + wanted + "`")
                        .label(target.namespace().span(), "its namespace is declared here");
                if (d.namespace() == null) {
                    diag.hint("a bare name means an app of the same namespace (`" + wanted + "`); write `"
                            + d.app() + "@" + there + "`");
                } else {
                    List<String> namespaces = ix.apps().values().stream().filter(x -> x.namespace() != null)
                            .map(x -> x.namespace().text()).distinct().toList();
                    String closest = Suggest.closest(d.namespace().text(), namespaces);
                    if (closest != null && !closest.equals(there)) {
                        diag.suggest(d.namespace().span(), closest, "did you mean `" + closest + "`?");
                    }
                    diag.hint("write `" + d.app() + "@" + there + "`");
                }
                diag.emit();
            }
        }
    }

    private static boolean inNamespace(App a, String namespace) {
        return a.namespace() != null && a.namespace().text().equals(namespace);
    }
}
