package hlc.resolve;

import hlc.model.Host;

import java.util.List;
import java.util.function.Predicate;

/**
 * Where a Ceph pool's copies can go: its failure domain, the hosts with OSDs, and how many domains those make
 * (hosts for {@code host}, OSDs for {@code osd}; -1 for racks and zones, which the spec does not describe).
 * The replica check and {@code hlc whatif} both count from this one answer. {@code domain} is null for a word
 * the parser reported (HL005); {@code domainWord} is the spelling either way.
 */
public record PoolPlacement(FailureDomain domain, String domainWord, Defaulted<Integer> replicas, int minSize, List<Host> osdHosts,
                            int osdCount) {
    /** @param osdCount the OSDs of {@code osdHosts}: the same for every pool, so counted once by the caller */
    public PoolPlacement {
        osdHosts = List.copyOf(osdHosts);
    }

    /** The number of failure domains, or -1 when the spec cannot count them. */
    public int domains() {
        if (domain == FailureDomain.HOST) return osdHosts.size();
        if (domain == FailureDomain.OSD) return osdCount();
        return domainsLeft(h -> false);
    }

    /**
     * The OSDs a host holds: its {@code osd} lines, or, on a node a ceph block's {@code osd-filter} covers, at
     * least the one device the filter is there to match (the spec cannot know how many it matches).
     */
    public static int osdsOf(Host h) {
        return Math.max(1, h.osds().size());
    }

    /** The failure domains that remain when the hosts {@code down} says are down have failed; -1 as above. */
    public int domainsLeft(Predicate<Host> down) {
        if (domain == null) return -1;
        return switch (domain) {
            case HOST -> (int) osdHosts.stream().filter(h -> !down.test(h)).count();
            case OSD -> osdHosts.stream().filter(h -> !down.test(h)).mapToInt(PoolPlacement::osdsOf).sum();
            default -> -1;
        };
    }
}
