package hlc.whatif;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code hlc whatif --all} as text: one row per scenario, one column per concern, aligned with spaces (no
 * trailing ones) so the table diffs cleanly and pastes into a README.
 */
public final class TableReport {
    public String render(List<Report> reports) {
        if (reports.isEmpty()) return "the spec has no hosts: there is nothing to fail\n";
        Report first = reports.get(0);
        List<String> header = new ArrayList<>(List.of("failed", "etcd"));
        first.pools().forEach(p -> header.add(p.pool()));
        header.addAll(List.of("VIP", "apps without storage", "apps affected"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Report r : reports) {
            List<String> row = new ArrayList<>(List.of(r.scenario().label(), Cells.etcd(r.etcd())));
            r.pools().forEach(p -> row.add(Cells.pool(p)));
            row.add(Cells.vip(r.vip()));
            row.add(Long.toString(r.appsWithoutStorage()));
            row.add(Integer.toString(r.apps().size()));
            rows.add(row);
        }
        StringBuilder out = new StringBuilder();
        align(rows, out);
        out.append('\n').append(legend(first));
        return out.toString();
    }

    private static void align(List<List<String>> rows, StringBuilder out) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) line.append(" ".repeat(width[i] - row.get(i).length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String legend(Report r) {
        StringBuilder out = new StringBuilder();
        if (r.etcd().members() > 0) {
            out.append("etcd: members left/members; quorum is ").append(r.etcd().quorum()).append(" of ")
                    .append(r.etcd().members()).append(".\n");
        }
        for (CephAvailability.Result p : r.pools()) {
            out.append(p.pool()).append(": copies left/replicas in the worst placement group; min size ")
                    .append(p.minSize()).append(", failure domain ").append(p.failureDomain()).append(".\n");
        }
        out.append("Failures are simultaneous and judged before any recovery;"
                + " `hlc whatif --fail HOST[,HOST…]` explains a row.\n");
        return out.toString();
    }
}
