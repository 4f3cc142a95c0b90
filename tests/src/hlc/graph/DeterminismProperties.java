package hlc.graph;

import hlc.model.Spec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Moving the blocks of a spec around changes no byte of any diagram. */
class DeterminismProperties {
    private static final List<String> BLOCKS;

    static {
        try {
            BLOCKS = SpecBlocks.split(AppGraphTest.homelab());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> EXPECTED = diagrams(String.join("\n\n", BLOCKS));

    @Provide
    Arbitrary<List<String>> shuffledBlocks() {
        return Arbitraries.shuffle(BLOCKS);
    }

    @Property(tries = 25)
    void shuffledDeclarationsGiveTheSameOutput(@ForAll("shuffledBlocks") List<String> blocks) {
        assertEquals(EXPECTED, diagrams(String.join("\n\n", blocks)));
    }

    @Example
    void theSplitterFindsEveryBlockOfTheRealSpec() {
        // 1 site, 2 networks, 1 cluster, 3 hosts, 2 devices, 1 ceph, 3 classes, 6 services, 3 backups, 26 apps
        assertEquals(48, BLOCKS.size());
    }

    /** Topology and apps, Mermaid and DOT. */
    private static List<String> diagrams(String text) {
        Spec spec = TopologyGraphTest.spec(text);
        Graph topology = TopologyGraph.of(spec);
        Graph apps = AppGraph.of(spec);
        return List.of(MermaidWriter.write(topology), DotWriter.write(topology), MermaidWriter.write(apps), DotWriter.write(apps));
    }
}
