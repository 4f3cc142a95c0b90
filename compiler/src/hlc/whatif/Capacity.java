package hlc.whatif;

import hlc.model.Host;
import hlc.model.Size;
import hlc.model.Spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What is left to run pods on. The spec has each host's memory but no CPU or memory requests for the apps, so
 * this reports what survives and says plainly that whether the workloads fit is unknown, rather than guessing.
 */
public final class Capacity {
    private final Spec spec;

    public Capacity(Spec spec) {
        this.spec = spec;
    }

    public enum Scheduling {
        /** No node that runs pods failed: nothing needs to move. */
        UNAFFECTED,
        /** Pods of the failed nodes are rescheduled on the nodes left, if they fit. */
        RESCHEDULES,
        /** etcd has no quorum: the scheduler can bind nothing; pods already running keep running. */
        FROZEN,
        /** No node that runs pods is left: nothing schedules. */
        NOWHERE
    }

    /**
     * Memory is summed over hosts that declare it ({@code undeclared} names the others), in bytes and in the
     * unit the spec writes it in. {@code workloadNodes} are the nodes that run pods, {@code workloadNodesLeft}
     * those of them still up.
     */
    public record Result(int hostCount, List<String> hostsLeft, BigDecimal memoryLeft, BigDecimal memoryTotal,
                         String memoryLeftText, String memoryTotalText, List<String> undeclared, List<String> workloadNodes,
                         List<String> workloadNodesLeft, Scheduling scheduling) {

        /** Always false today: the spec language has no requests, and the report must not pretend otherwise. */
        public boolean requestsInSpec() {
            return false;
        }
    }

    public Result analyse(Scenario s, EtcdQuorum.Result etcd) {
        List<Host> hosts = spec.hosts();
        List<Host> declared = hosts.stream().filter(h -> h.memory() != null).toList();
        BigDecimal total = sum(declared);
        BigDecimal left = sum(declared.stream().filter(h -> !s.isDown(h)).toList());
        Unit unit = declared.isEmpty() ? Unit.BYTES : Unit.of(declared.get(0).memory());
        List<String> workload = hosts.stream().filter(h -> Workloads.runsOn(h, spec)).map(Capacity::name).toList();
        List<String> workloadLeft = workload.stream().filter(n -> !s.isDown(n)).toList();
        Scheduling scheduling;
        if (workloadLeft.isEmpty()) scheduling = Scheduling.NOWHERE;
        else if (!etcd.atQuorum()) scheduling = Scheduling.FROZEN;
        else if (workloadLeft.size() == workload.size()) scheduling = Scheduling.UNAFFECTED;
        else scheduling = Scheduling.RESCHEDULES;
        return new Result(hosts.size(), hosts.stream().filter(h -> !s.isDown(h)).map(Capacity::name).toList(),
                left, total, unit.format(left), unit.format(total),
                hosts.stream().filter(h -> h.memory() == null).map(Capacity::name).toList(),
                workload, workloadLeft, scheduling);
    }

    private static String name(Host h) {
        return h.name().text();
    }

    private static BigDecimal sum(List<Host> hosts) {
        return hosts.stream().map(h -> h.memory().bytes()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The unit of the first declared memory (GB, GiB…), so totals read as the spec reads. */
    private record Unit(String suffix, BigDecimal bytes) {
        static final Unit BYTES = new Unit("B", BigDecimal.ONE);

        static Unit of(Size example) {
            String text = example.text();
            int u = 0;
            while (u < text.length() && (Character.isDigit(text.charAt(u)) || text.charAt(u) == '.')) u++;
            BigDecimal amount = new BigDecimal(text.substring(0, u));
            // 0GB has no factor to recover; bytes are exact and still honest.
            if (amount.signum() == 0) return BYTES;
            return new Unit(text.substring(u), example.bytes().divide(amount, 0, RoundingMode.HALF_UP));
        }

        String format(BigDecimal value) {
            BigDecimal v = value.divide(bytes, 2, RoundingMode.HALF_UP).stripTrailingZeros();
            return v.toPlainString() + suffix;
        }
    }
}
