package hlc.emit;

import hlc.emit.talos.TalosEmitter;
import hlc.secrets.SecretsBundle;

import java.util.List;

/**
 * The emitters of a compile, in the order their files are listed: the one list the driver, the benchmark and
 * the tests all use. A new target is added here and nowhere else.
 */
public final class Emitters {
    private Emitters() {}

    /** @param secrets the bundle, or {@link SecretsBundle#placeholder()} to build and validate Talos configs only */
    public static List<Emitter> all(SecretsBundle secrets) {
        return List.of(new FluxEmitter(), new StorageEmitter(), new DnsEmitter(), new TalosEmitter(secrets));
    }
}
