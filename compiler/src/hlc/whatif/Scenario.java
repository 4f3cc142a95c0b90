package hlc.whatif;

import hlc.model.Host;
import hlc.model.Spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A failure scenario: the hosts that are down, all at once. Hosts are kept in the spec's declaration order, so
 * {@code --fail k8s-3,k8s-2} and {@code --fail k8s-2,k8s-3} are one scenario and print the same.
 */
public record Scenario(List<String> failed) {

    public Scenario {
        failed = List.copyOf(failed);
    }

    /** The named hosts in declaration order; every name must be a host of the spec (the caller checks). */
    public static Scenario of(Spec spec, Collection<String> hosts) {
        Set<String> wanted = Set.copyOf(hosts);
        List<String> ordered = new ArrayList<>();
        for (Host h : spec.hosts()) {
            String name = h.name().text();
            if (wanted.contains(name) && !ordered.contains(name)) ordered.add(name);
        }
        return new Scenario(ordered);
    }

    /** Every single and then every double host failure, in declaration order: what {@code --all} tabulates. */
    public static List<Scenario> singlesAndDoubles(Spec spec) {
        List<String> names = spec.hosts().stream().map(h -> h.name().text()).distinct().toList();
        List<Scenario> all = new ArrayList<>();
        for (String n : names) all.add(new Scenario(List.of(n)));
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) all.add(new Scenario(List.of(names.get(i), names.get(j))));
        }
        return all;
    }

    public boolean isDown(String host) {
        return failed.contains(host);
    }

    public boolean isDown(Host host) {
        return isDown(host.name().text());
    }

    /** "k8s-2, k8s-3": how tables and headings name the scenario. */
    public String label() {
        return String.join(", ", failed);
    }
}
