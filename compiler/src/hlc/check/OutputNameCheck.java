package hlc.check;

import hlc.diag.Code;
import hlc.diag.Reporter;
import hlc.diag.Span;
import hlc.model.App;
import hlc.model.Name;
import hlc.resolve.ResolvedSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HL097: two things the spec declares would be written to one file. An app's files share its namespace's folder
 * ({@code flux/apps/<ns>/<app>.yaml}) with the folder's {@code kustomization.yaml} and {@code namespace.yaml} and
 * with {@code <app>-secrets.yaml}, the ExternalSecret of an app with secret variables (also a Kubernetes object
 * of that name). Without this check such a spec passes {@code hlc check} and only {@code hlc compile} fails.
 * The namespaced layout puts each app's files in a folder of its own, where these file names cannot meet.
 *
 * <p>In either layout, the Secret an app's ExternalSecret makes ({@code <app>-secrets}) must not be the one every
 * app substitutes from ({@code flux { substitute-from cluster-secrets }}): the app {@code cluster} would
 * overwrite the shared Secret of its namespace with its own few keys, and every app there loses its variables.
 */
public final class OutputNameCheck implements Check {
    /** File names hlc writes in every namespace folder, whatever the apps are called. */
    private static final List<String> RESERVED = List.of("kustomization", "namespace");

    /** Apps by where their names are written (file, line, column). A constant: its lambda is linked once. */
    private static final Comparator<App> BY_PLACE = (a, b) -> {
        Span x = a.name().span(), y = b.name().span();
        int c = x.file().displayPath().compareTo(y.file().displayPath());
        if (c == 0) c = Integer.compare(x.line(), y.line());
        return c != 0 ? c : Integer.compare(x.column(), y.column());
    };

    @Override
    public List<Code> codes() {
        return List.of(Code.HL097);
    }

    @Override
    public void run(ResolvedSpec ix, Reporter reporter) {
        var cluster = ix.spec().cluster();
        Name shared = cluster != null && cluster.flux() != null ? cluster.flux().substituteFrom() : null;
        if (shared != null) sharedSecret(ix, shared, reporter);
        if (ix.cluster() != null && ix.cluster().namespacedFlux()) return;
        // namespace -> file stem -> the app whose file it is (a map per namespace: no "<ns>/<stem>" key per app)
        Map<String, Map<String, App>> claimed = new HashMap<>();
        List<App> apps = new ArrayList<>();
        for (App a : ix.spec().apps()) if (a.name() != null && a.namespace() != null) apps.add(a);
        apps.sort(BY_PLACE);
        for (App a : apps) {
            String ns = a.namespace().text();
            if (RESERVED.contains(a.name().text())) {
                reporter.error(Code.HL097, a.name().span(), "app `" + a.name() + "` would be written over the "
                                + a.name() + ".yaml that hlc writes for namespace `" + ns + "`")
                        .hint("rename the app, e.g. `" + a.name() + "-app`").emit();
                continue;
            }
            claim(claimed, ns, a.name().text(), a, reporter);
            if (hasSecretVar(a)) claim(claimed, ns, a.name().text() + "-secrets", a, reporter);
        }
    }

    private static void sharedSecret(ResolvedSpec ix, Name shared, Reporter reporter) {
        for (App a : ix.spec().apps()) {
            if (a.name() == null || !hasSecretVar(a)) continue;
            String secret = a.name().text() + "-secrets";
            if (!secret.equals(shared.text())) continue;
            reporter.error(Code.HL097, a.name().span(), "the ExternalSecret of app `" + a.name() + "` would make Secret `"
                            + secret + "`, the Secret every app substitutes from")
                    .label(shared.span(), "`substitute-from " + shared + "` names it here")
                    .hint("rename the app, or the shared Secret").emit();
        }
    }

    /** Whether the app has an ExternalSecret: a loop, asked once per app. */
    private static boolean hasSecretVar(App a) {
        for (App.Var v : a.vars()) if (v.secret() != null) return true;
        return false;
    }

    private static void claim(Map<String, Map<String, App>> claimed, String ns, String stem, App app, Reporter reporter) {
        Map<String, App> inNamespace = claimed.get(ns);
        if (inNamespace == null) claimed.put(ns, inNamespace = new HashMap<>());
        App earlier = inNamespace.putIfAbsent(stem, app);
        if (earlier == null || earlier == app) return;
        boolean secretFile = !stem.equals(app.name().text());
        App mine = secretFile ? app : earlier;  // the app whose ExternalSecret is called `stem`
        App other = secretFile ? earlier : app; // the app named `stem`
        reporter.error(Code.HL097, other.name().span(), "app `" + other.name() + "` in namespace `" + ns
                        + "` has the name of the ExternalSecret of app `" + mine.name() + "` (" + stem + ".yaml)")
                .label(mine.name().span(), "`" + mine.name() + "` has secret variables, so hlc writes `" + stem + "` for it")
                .hint("rename `" + other.name() + "`").emit();
    }
}
