package hlc.cli;

import hlc.emit.DnsEmitter;
import hlc.emit.backup.BackupEmitter;
import hlc.emit.cilium.CiliumEmitter;
import hlc.emit.dns.DnsProviderEmitter;
import hlc.emit.multus.MultusEmitter;
import hlc.emit.rook.RookEmitter;
import hlc.emit.secretstore.SecretStoreEmitter;
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
        return List.of(new FluxEmitter(), new StorageEmitter(), new DnsEmitter(),
                // the resources of facts the checks know (issue 14): Cilium LB/BGP, Rook values, stores, backups, Multus, DNS providers
                new CiliumEmitter(), new RookEmitter(), new SecretStoreEmitter(), new BackupEmitter(), new MultusEmitter(),
                new DnsProviderEmitter(),
                new TalosEmitter(secrets));
    }

    /** {@code --secrets} wins; else the spec's {@code secrets}, relative to the spec's folder; else none. */
    static Path bundlePath(Path option, Path specFile, Spec spec) {
        if (option != null) return option;
        if (spec.cluster() == null || spec.cluster().secrets() == null) return null;
        Path dir = specFile.toAbsolutePath().getParent();
        return dir.resolve(spec.cluster().secrets().value()).normalize();
    }
}
