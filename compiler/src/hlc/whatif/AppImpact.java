package hlc.whatif;

import hlc.model.App;
import hlc.model.Name;
import hlc.model.Spec;
import hlc.model.StorageClass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which apps a scenario hurts, and why. Directly: an app whose storage class is backed by a Ceph pool that is no
 * longer writable loses its volumes; one on a hostpath class may lose them, since hostpath volumes live on one
 * node and the spec does not say which. Indirectly: an app whose dependency (through {@code depends}, at any
 * depth) is hurt, because Flux and the app itself wait on it; the report names the shortest such path.
 * NFS classes are served by a device, which no host failure takes down.
 */
public final class AppImpact {
    private final Spec spec;
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final Map<String, StorageClass> classes = new HashMap<>();

    public AppImpact(Spec spec) {
        this.spec = spec;
        for (App a : spec.apps()) apps.putIfAbsent(a.name().text(), a);
        for (StorageClass c : spec.storageClasses()) classes.putIfAbsent(c.name().text(), c);
    }

    public enum Cause {
        /** A storage class on a pool that is not writable: the app's volumes are gone or frozen. */
        STORAGE,
        /** A hostpath class while a node that runs pods is down: volumes on that node are unavailable. */
        NODE_LOCAL,
        /** Not hurt itself, but something it depends on is. */
        DEPENDENCY
    }

    /** A storage class of an app that a scenario takes away, and why in a few words. */
    public record LostStorage(String storageClass, String why) {}

    /**
     * One hurt app. {@code storage} lists its lost classes (STORAGE, NODE_LOCAL); {@code path} runs from the app
     * to the hurt dependency (DEPENDENCY), e.g. {@code [unpoller, kube-prometheus-stack]}.
     */
    public record Result(String app, Cause cause, List<LostStorage> storage, List<String> path) {}

    /**
     * Hurt apps, the surest first (storage lost, then node-local, then through a dependency), each group in
     * declaration order; apps not listed are unaffected as far as the spec can tell.
     */
    public List<Result> analyse(Scenario s, List<CephAvailability.Result> pools) {
        Map<String, PoolState> poolStates = new HashMap<>();
        for (CephAvailability.Result p : pools) poolStates.putIfAbsent(p.pool(), p.state());
        List<String> downWorkloadNodes = spec.hosts().stream()
                .filter(h -> s.isDown(h) && Workloads.runsOn(h, spec))
                .map(h -> h.name().text()).toList();

        Map<String, Result> direct = new LinkedHashMap<>();
        for (App a : apps.values()) {
            Result r = direct(a, poolStates, downWorkloadNodes);
            if (r != null) direct.put(a.name().text(), r);
        }
        List<Result> all = new ArrayList<>();
        for (App a : apps.values()) {
            Result r = direct.get(a.name().text());
            if (r == null) {
                List<String> path = pathToHurt(a, direct);
                if (path != null) r = new Result(a.name().text(), Cause.DEPENDENCY, List.of(), path);
            }
            if (r != null) all.add(r);
        }
        all.sort(Comparator.comparing(Result::cause)); // stable: declaration order within a cause
        return all;
    }

    private Result direct(App a, Map<String, PoolState> poolStates, List<String> downWorkloadNodes) {
        List<LostStorage> lost = new ArrayList<>();
        boolean lostForSure = false;
        for (Name n : a.storage()) {
            StorageClass c = classes.get(n.text());
            if (c == null) continue; // unknown class: ReferenceCheck reports it
            if (c.backend() instanceof StorageClass.CephPool cp) {
                PoolState st = poolStates.get(cp.pool().text());
                if (st == PoolState.BLOCKED || st == PoolState.DATA_LOST) {
                    lost.add(new LostStorage(c.name().text(), "pool " + cp.pool().text() + " is " + st.label()));
                    lostForSure = true;
                }
            } else if (c.backend() instanceof StorageClass.Hostpath && !downWorkloadNodes.isEmpty()) {
                lost.add(new LostStorage(c.name().text(),
                        "node-local: its volumes on " + String.join(", ", downWorkloadNodes) + " are unavailable"));
            }
        }
        if (lost.isEmpty()) return null;
        return new Result(a.name().text(), lostForSure ? Cause.STORAGE : Cause.NODE_LOCAL, lost, List.of());
    }

    /**
     * Breadth-first over {@code depends} in declaration order: the shortest path to a directly hurt app, the
     * first such in that order when several are equally near. Null when no dependency is hurt.
     */
    private List<String> pathToHurt(App from, Map<String, Result> direct) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from.name().text());
        cameFrom.put(from.name().text(), null);
        while (!queue.isEmpty()) {
            String at = queue.poll();
            App app = apps.get(at);
            if (app == null) continue; // unknown dependency: ReferenceCheck reports it
            for (Name dep : app.depends()) {
                String d = dep.text();
                if (cameFrom.containsKey(d)) continue; // seen (this also stops at cycles, which HL070 reports)
                cameFrom.put(d, at);
                if (direct.containsKey(d)) return unwind(d, cameFrom);
                queue.add(d);
            }
        }
        return null;
    }

    private static List<String> unwind(String end, Map<String, String> cameFrom) {
        List<String> path = new ArrayList<>();
        for (String at = end; at != null; at = cameFrom.get(at)) path.add(0, at);
        return path;
    }
}
