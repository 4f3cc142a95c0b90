package hlc.cli;

import hlc.emit.DnsEmitter;
import hlc.emit.Emitter;
import hlc.emit.FluxEmitter;
import hlc.emit.OutputPlace;
import hlc.emit.StorageEmitter;
import hlc.emit.talos.TalosEmitter;
import hlc.model.Spec;
import hlc.secrets.SecretsBundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The emitters of a compile, and where its secrets bundle comes from (public for the benchmark harness). */
public final class Targets {
    private Targets() {}

    public static List<Emitter> emitters(SecretsBundle secrets) {
        return emitters(secrets, null);
    }

    /**
     * The emitters for an output folder at {@code place} in the repository (null: where the spec implies). Flux
     * gets the others, to apply each folder they declare ({@link Emitter#appliedFolders}).
     */
    public static List<Emitter> emitters(SecretsBundle secrets, OutputPlace place) {
        List<Emitter> content = List.of(new StorageEmitter(), new DnsEmitter(), new TalosEmitter(secrets));
        List<Emitter> all = new ArrayList<>();
        all.add(new FluxEmitter(place, content));
        all.addAll(content);
        return List.copyOf(all);
    }

    /** {@code --secrets} wins; else the spec's {@code secrets}, relative to the spec's folder; else none. */
    static Path bundlePath(Path option, Path specFile, Spec spec) {
        if (option != null) return option;
        if (spec.cluster() == null || spec.cluster().secrets() == null) return null;
        Path dir = specFile.toAbsolutePath().getParent();
        return dir.resolve(spec.cluster().secrets().value()).normalize();
    }
}
