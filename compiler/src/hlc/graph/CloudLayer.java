package hlc.graph;

import hlc.graph.Graph.Shape;
import hlc.graph.Graph.Style;
import hlc.model.Backup;
import hlc.model.Name;
import hlc.model.Service;
import hlc.model.Spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * External services in their own group, and the backup flows as thick labelled edges from what is saved (PVCs,
 * PostgreSQL, a NAS export) to where it goes (a service or a device), like the backup diagram of home-ops docs.
 */
final class CloudLayer {
    private final GraphBuilder g;
    private final Spec spec;
    private final String kubernetes;

    CloudLayer(GraphBuilder g, Spec spec, String kubernetesGroup) {
        this.g = g;
        this.spec = spec;
        this.kubernetes = kubernetesGroup;
    }

    void add() {
        String cloud = g.group(Kind.CLOUD_GROUP, "", "External services (cloud)");
        for (Service s : ByName.sorted(spec.services(), Service::name)) {
            String what = s.purpose() != null ? s.purpose().value()
                    : s.kinds().stream().map(Name::text).collect(Collectors.joining(", "));
            List<String> lines = new java.util.ArrayList<>(List.of(s.name().text(), what));
            // How the lab uses it and the names it has on the LAN, when the spec says.
            if (s.usage() != null) lines.add(s.usage().value());
            if (!s.dnsNames().isEmpty()) lines.add(String.join(", ", s.dnsNames().stream().map(Name::text).toList()));
            String description = Labels.description(s.description());
            if (description != null) lines.add(description);
            g.node(Kind.SERVICE, s.name().text(), Shape.STADIUM, cloud, lines);
        }
        for (Backup b : ByName.sorted(spec.backups(), Backup::name)) backup(b);
    }

    private void backup(Backup b) {
        String from = source(b.source());
        String to = target(b.target());
        if (from != null && to != null) g.edge(from, to, Labels.backup(b), Style.THICK);
    }

    private String source(Backup.Source source) {
        if (source instanceof Backup.Pvcs) {
            return g.node(Kind.BACKUP_SOURCE, "pvcs", Shape.ROUNDED, kubernetes, List.of("PVCs"));
        } else if (source instanceof Backup.Postgres) {
            return g.node(Kind.BACKUP_SOURCE, "postgres", Shape.CYLINDER, kubernetes, List.of("PostgreSQL"));
        } else if (source instanceof Backup.Export e) {
            return existing(g.id(Kind.EXPORT, Kind.exportName(e.device().text(), e.export().text())));
        }
        return null;
    }

    /** A backup goes to a service or a device; a service wins when both have the name, as in ReferenceCheck. */
    private String target(Name target) {
        if (target == null) return null;
        String service = g.id(Kind.SERVICE, target.text());
        return g.has(service) ? service : existing(g.id(Kind.DEVICE, target.text()));
    }

    private String existing(String id) {
        return g.has(id) ? id : null;
    }
}
