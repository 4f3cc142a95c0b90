package hlc.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Where things live in the GitOps repository Flux syncs, as every Flux path hlc writes must say it: relative to
 * the repository's root, starting with {@code ./}. The apps folder is the one app paths default into
 * ({@code ./kubernetes/apps/NS/APP/app}); shared Kustomize components sit beside it, as in home-ops repositories.
 */
public final class RepositoryPaths {
    public static final String APPS = "./kubernetes/apps";
    public static final String COMPONENTS = "./kubernetes/components";

    private RepositoryPaths() {}

    /** The folder Flux applies for an app that names none. */
    public static String defaultAppPath(String namespace, String app) {
        return APPS + "/" + namespace + "/" + app + "/app";
    }

    /**
     * The path of {@code target} as seen from the folder {@code fromDir}, both relative to the repository root:
     * what Kustomize and Flux expect in a {@code components:} list (each is read relative to the folder that
     * lists it). {@code relative("./kubernetes/apps/media/plex/app", "./kubernetes/components/cnpg")} is
     * {@code ../../../../components/cnpg}.
     */
    public static String relative(String fromDir, String target) {
        List<String> from = segments(fromDir);
        List<String> to = segments(target);
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) common++;
        StringBuilder b = new StringBuilder();
        for (int i = common; i < from.size(); i++) b.append("../");
        if (b.length() == 0) b.append("./");
        b.append(String.join("/", to.subList(common, to.size())));
        String out = b.toString();
        return out.endsWith("/") ? out.substring(0, out.length() - 1) : out;
    }

    /**
     * The segments of a repository path with {@code .}, empty segments and {@code x/..} pairs removed. A
     * {@code ..} that climbs above the root is kept, so such a path stays visibly wrong rather than silently
     * meaning another folder.
     */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) out.remove(out.size() - 1);
            else out.add(s);
        }
        return out;
    }
}
