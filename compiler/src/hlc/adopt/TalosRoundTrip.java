package hlc.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import hlc.Compiler;
import hlc.diag.Reporter;
import hlc.emit.Emission;
import hlc.emit.RenderedFile;
import hlc.emit.Renderer;
import hlc.emit.talos.TalosEmitter;
import hlc.secrets.SecretsBundle;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * The nodes' side of the round trip: each node's facts as the repository's Talos configuration says them, and as
 * the machine configs hlc builds from the imported spec say them (built in memory with a placeholder secrets
 * bundle, never written), read back by the same reader.
 */
public final class TalosRoundTrip {
    private TalosRoundTrip() {}

    public static TreeSet<String> repositoryFacts(TalosCluster talos) {
        TreeSet<String> facts = new TreeSet<>();
        for (TalosNode n : talos.nodes) facts.addAll(NodeFacts.of(TalosSpecWriter.hostName(n), n));
        return facts;
    }

    /** Empty when hlc cannot build configs for the spec (its findings say why). */
    public static TreeSet<String> compiledFacts(Compiler.Result checked, Path rootSpec) {
        TreeSet<String> facts = new TreeSet<>();
        if (checked.resolved() == null || checked.spec().cluster() == null) return facts;
        List<RenderedFile> files = Emission.run(checked.resolved(), List.of(new TalosEmitter(SecretsBundle.placeholder())),
                new Renderer(rootSpec.getFileName().toString()), new Reporter());
        Renderer parser = new Renderer("");
        for (RenderedFile f : files) {
            if (!f.path().startsWith("talos/") || !f.path().endsWith(".yaml")) continue;
            List<JsonNode> docs;
            try {
                docs = parser.parse(f.path(), f.content());
            } catch (Exception e) {
                continue;
            }
            TalosNode node = new TalosNode();
            new MachineConfigFacts(List.of()).read(docs, node, new TalosCluster());
            String host = f.path().substring("talos/".length(), f.path().length() - ".yaml".length());
            facts.addAll(NodeFacts.of(node.hostname != null ? node.hostname : host, node));
        }
        return facts;
    }
}
