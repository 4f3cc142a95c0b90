package hlc.cli;

import hlc.emit.DnsEmitter;
import hlc.emit.Emitter;
import hlc.emit.FluxEmitter;
import hlc.emit.StorageEmitter;
import hlc.emit.talos.TalosEmitter;
import hlc.model.Spec;
import hlc.secrets.SecretsBundle;

import java.nio.file.Path;
import java.util.List;

/** The emitters of a compile, and where its secrets bundle comes from (public for the benchmark harness). */
public final class Targets {
    private Targets() {}

    public static List<Emitter> emitters(SecretsBundle secrets) {
        return List.of(new FluxEmitter(), new StorageEmitter(), new DnsEmitter(), new hlc.emit.cilium.CiliumEmitter(), new hlc.emit.rook.RookEmitter(), new hlc.emit.secretstore.SecretStoreEmitter(), new hlc.emit.backup.BackupEmitter(), new hlc.emit.multus.MultusEmitter(), new hlc.emit.dns.DnsProviderEmitter(), new TalosEmitter(secrets));
    }

    /** {@code --secrets} wins; else the spec's {@code secrets}, relative to the spec's folder; else none. */
    static Path bundlePath(Path option, Path specFile, Spec spec) {
        if (option != null) return option;
        if (spec.cluster() == null || spec.cluster().secrets() == null) return null;
        Path dir = specFile.toAbsolutePath().getParent();
        return dir.resolve(spec.cluster().secrets().value()).normalize();
    }
}
