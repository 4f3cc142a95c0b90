package hlc.emit;

import hlc.emit.backup.BackupEmitter;
import hlc.emit.cilium.CiliumEmitter;
import hlc.emit.dns.DnsProviderEmitter;
import hlc.emit.multus.MultusEmitter;
import hlc.emit.rook.RookEmitter;
import hlc.emit.secretstore.SecretStoreEmitter;
import hlc.emit.talos.TalosEmitter;
import hlc.secrets.SecretsBundle;

import java.util.ArrayList;
import java.util.List;

/**
 * The emitters of a compile, in the order their files are listed: the one list the driver, the benchmark and
 * the tests all use. A new target is added here and nowhere else.
 */
public final class Emitters {
    private Emitters() {}

    /** @param secrets the bundle, or {@link SecretsBundle#placeholder()} to build and validate Talos configs only */
    public static List<Emitter> all(SecretsBundle secrets) {
        return all(secrets, null);
    }

    /**
     * The emitters for an output folder at {@code place} in the repository (null: where the spec implies). Flux
     * gets the others, to apply each folder they declare ({@link Emitter#appliedFolders}).
     */
    public static List<Emitter> all(SecretsBundle secrets, OutputPlace place) {
        List<Emitter> content = List.of(new StorageEmitter(), new DnsEmitter(), new CiliumEmitter(), new RookEmitter(),
                new SecretStoreEmitter(), new BackupEmitter(), new MultusEmitter(), new DnsProviderEmitter(),
                new TalosEmitter(secrets));
        List<Emitter> all = new ArrayList<>();
        all.add(new FluxEmitter(place, content));
        all.addAll(content);
        return List.copyOf(all);
    }
}
