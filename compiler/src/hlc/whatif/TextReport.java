package hlc.whatif;

import java.util.List;

/**
 * One scenario at length, for people: what each part of the lab does and why, one section per analyser, with the
 * same verdicts as the {@code --all} table.
 */
public final class TextReport {
    private static final String INDENT = "          ";

    public String render(Report r) {
        StringBuilder out = new StringBuilder();
        List<String> failed = r.scenario().failed();
        out.append("What if ").append(failed.isEmpty() ? "nothing" : Words.and(failed))
                .append(failed.size() == 1 ? " fails?" : " fail?").append('\n').append('\n');
        etcd(r.etcd(), out);
        ceph(r.pools(), out);
        vip(r.vip(), out);
        apps(r.apps(), out);
        capacity(r.capacity(), out);
        out.append('\n')
                .append("Judged from the spec alone: the failures are simultaneous and counted before any recovery;\n")
                .append("Ceph monitors and the apps' resource requests are not in the spec and are not analysed.\n");
        return out.toString();
    }

    private static void section(String title, String first, StringBuilder out) {
        out.append(String.format("%-10s", title)).append(first).append('\n');
    }

    private static void more(String line, StringBuilder out) {
        out.append(INDENT).append(line).append('\n');
    }

    private static void etcd(EtcdQuorum.Result e, StringBuilder out) {
        if (e.members() == 0) {
            section("etcd", "no control plane in the spec", out);
            return;
        }
        String counts = e.left() + " of " + e.members() + " members left, quorum is " + e.quorum();
        if (e.atQuorum()) {
            section("etcd", counts + ": at quorum", out);
            int spare = e.left() - e.quorum();
            more("the Kubernetes API keeps working, writes included; "
                    + (spare == 0 ? "one more control-plane failure loses quorum"
                    : Words.plural(spare, "more control-plane failure is", "more control-plane failures are")
                            + " tolerated"), out);
        } else if (e.left() == 0) {
            section("etcd", counts + ": NO QUORUM", out);
            more("every member is down: there is no Kubernetes API", out);
        } else {
            section("etcd", counts + ": NO QUORUM", out);
            int missing = e.quorum() - e.left();
            more("the Kubernetes API accepts no writes (and its quorum reads fail) until "
                    + Words.plural(missing, "member returns", "members return"), out);
        }
    }

    private static void ceph(List<CephAvailability.Result> pools, StringBuilder out) {
        if (pools.isEmpty()) {
            section("ceph", "no pools in the spec", out);
            return;
        }
        boolean firstPool = true;
        for (CephAvailability.Result p : pools) {
            String head = p.pool() + ": " + p.state().label() + (p.degraded() ? ", degraded" : "");
            if (firstPool) section("ceph", head, out);
            else more(head, out);
            firstPool = false;
            for (String line : cephDetail(p)) more("  " + line, out);
        }
    }

    private static List<String> cephDetail(CephAvailability.Result p) {
        if (p.state() == PoolState.UNKNOWN) {
            return List.of(p.domains() == 0 ? "no " + domainWord(p) + " to place copies on"
                    : "failure domain " + p.failureDomain() + ": the spec does not say which hosts share one, so nothing is counted");
        }
        String copies = p.everyDomainHoldsCopy()
                ? "each of the " + p.domains() + " " + domainWord(p) + " holds a copy: " + p.copiesLeft() + " of "
                        + p.replicas() + " copies left, min size " + p.minSize()
                : "the worst placement group keeps " + p.copiesLeft() + " of " + p.replicas() + " copies ("
                        + p.domainsLeft() + " of " + p.domains() + " " + domainWord(p) + " left), min size " + p.minSize();
        return switch (p.state()) {
            case WRITABLE -> List.of(copies, !p.degraded() ? "I/O continues with every copy"
                    : p.canRebuild() ? "I/O continues; Ceph rebuilds the missing copies on the " + domainWord(p)
                            + " left once the down OSDs are marked out"
                    : "I/O continues; the missing copies cannot be rebuilt until a failed host returns"
                            + (p.copiesLeft() == p.minSize() ? ", and one more failure blocks I/O" : ""));
            case BLOCKED -> List.of(copies, "below min size: I/O to " + (p.everyDomainHoldsCopy() ? "its" : "those")
                    + " placement groups stops until a copy returns", "(often called read-only, but reads stop too)");
            case DATA_LOST -> List.of(copies, p.everyDomainHoldsCopy()
                    ? "every copy was on the failed hosts: the pool's data is lost; restore it from backup"
                    : "placement groups with every copy on the failed hosts are lost; restore them from backup");
            case UNKNOWN -> throw new IllegalStateException("handled above");
        };
    }

    private static String domainWord(CephAvailability.Result p) {
        return p.failureDomain().equals("osd") ? "OSDs" : "hosts with OSDs";
    }

    private static void vip(VipFailover.Result v, StringBuilder out) {
        String at = v.address() + " on " + v.network() + ": ";
        switch (v.outcome()) {
            case NONE -> section("vip", "the spec declares no VIP", out);
            case STAYS -> section("vip", at + "stays (no control plane failed)", out);
            case MOVES -> {
                section("vip", at + "moves to " + v.to(), out);
                more(v.eligible().size() == 1
                        ? "if a failed node held it; " + v.to() + " is the only control plane left on " + v.network()
                        : "if a failed node held it; Talos's etcd election may pick " + Words.or(v.eligible())
                                + " (named here: the first by name)", out);
            }
            case LOST_NO_QUORUM -> {
                section("vip", at + "lost", out);
                more("Talos elects the VIP holder through etcd, which has no quorum: "
                        + Words.and(v.eligible()) + (v.eligible().size() == 1 ? " is" : " are") + " on "
                        + v.network() + " but cannot claim it", out);
            }
            case LOST_NO_NODE -> {
                section("vip", at + "lost", out);
                more("no surviving control plane has an interface on " + v.network(), out);
            }
        }
    }

    private static void apps(List<AppImpact.Result> apps, StringBuilder out) {
        if (apps.isEmpty()) {
            section("apps", "none affected, as far as the spec can tell", out);
            return;
        }
        long storage = apps.stream().filter(a -> a.cause() == AppImpact.Cause.STORAGE).count();
        long others = apps.size() - storage;
        String head = storage == 0 ? "no app loses its storage; " + Words.plural(others, "app is", "apps are") + " affected"
                : Words.plural(storage, "app loses its storage", "apps lose their storage")
                        + (others == 0 ? "" : "; " + Words.plural(others, "more is", "more are") + " affected");
        section("apps", head, out);
        int width = apps.stream().mapToInt(a -> a.app().length()).max().orElse(0);
        for (AppImpact.Result a : apps) {
            String why = switch (a.cause()) {
                case STORAGE, NODE_LOCAL -> String.join("; ", a.storage().stream()
                        .map(s -> s.storageClass() + ": " + s.why()).toList());
                case DEPENDENCY -> "through " + String.join(" -> ", a.path()) + rootCause(a, apps);
            };
            more("  " + String.format("%-" + width + "s", a.app()) + "  " + why, out);
        }
    }

    /** Why the last app of a dependency path is hurt, in two or three words. */
    private static String rootCause(AppImpact.Result a, List<AppImpact.Result> all) {
        String root = a.path().get(a.path().size() - 1);
        return all.stream().filter(x -> x.app().equals(root)).findFirst()
                .map(x -> x.cause() == AppImpact.Cause.STORAGE ? " (storage lost)" : " (node-local storage)")
                .orElse("");
    }

    private static void capacity(Capacity.Result c, StringBuilder out) {
        String memory = c.undeclared().size() == c.hostCount()
                ? "memory: not declared for any host"
                : "memory: " + c.memoryLeftText() + " of " + c.memoryTotalText() + " left"
                        + (c.hostsLeft().isEmpty() ? "" : " on " + Words.and(c.hostsLeft()))
                        + (c.undeclared().isEmpty() ? "" : " (no memory declared for " + Words.and(c.undeclared()) + ")");
        section("capacity", memory, out);
        more("the spec has no CPU or memory requests for the apps: whether they fit on what is left is unknown", out);
        List<String> down = c.workloadNodes().stream().filter(n -> !c.workloadNodesLeft().contains(n)).toList();
        more("scheduling: " + switch (c.scheduling()) {
            case UNAFFECTED -> "no node that runs pods failed";
            case RESCHEDULES -> "pods of " + Words.and(down) + " are rescheduled on " + Words.and(c.workloadNodesLeft())
                    + ", if they fit";
            case FROZEN -> "etcd has no quorum, so nothing is scheduled; pods already running on "
                    + Words.and(c.workloadNodesLeft()) + " keep running";
            case NOWHERE -> "no node that runs pods is left: nothing schedules";
        }, out);
    }
}
