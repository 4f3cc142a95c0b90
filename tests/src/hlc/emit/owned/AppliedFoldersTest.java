package hlc.emit.owned;

import hlc.resolve.ResolvedSpec;
import hlc.emit.AppliedFolder;
import hlc.emit.EmitProblems;
import hlc.emit.Emitter;
import hlc.emit.FileSpec;
import hlc.emit.backup.BackupEmitter;
import hlc.emit.cilium.CiliumEmitter;
import hlc.emit.dns.DnsProviderEmitter;
import hlc.emit.multus.MultusEmitter;
import hlc.emit.rook.RookEmitter;
import hlc.emit.secretstore.SecretStoreEmitter;
import hlc.diag.Reporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every file the owned-facts emitters write is in a folder they declare for Flux to apply, and every app a folder
 * waits for is an app of the spec: nothing hlc writes is left unreconciled, and no Kustomization waits forever.
 */
class AppliedFoldersTest {
    private static final List<Emitter> EMITTERS = List.of(new CiliumEmitter(), new RookEmitter(), new SecretStoreEmitter(),
            new BackupEmitter(), new MultusEmitter(), new DnsProviderEmitter());

    private static List<String> problems(Path spec) throws Exception {
        var r = hlc.Compiler.check(spec);
        ResolvedSpec ix = new ResolvedSpec(r.spec());
        List<String> out = new ArrayList<>();
        int files = 0;
        for (Emitter e : EMITTERS) {
            List<AppliedFolder> folders = e.appliedFolders(ix);
            List<FileSpec> written = e.files(ix, new EmitProblems(new Reporter(), r.spec()));
            // a Kustomize component's folder is applied by the app Kustomizations that include it (VolsyncComponentTest)
            List<String> components = written.stream().filter(f -> f.template().equals("kustomize-component.yaml.j2"))
                    .map(f -> f.path().substring(0, f.path().lastIndexOf('/') + 1)).toList();
            for (FileSpec f : written) {
                files++;
                if (components.stream().anyMatch(c -> f.path().startsWith(c) && f.path().indexOf('/', c.length()) < 0)) continue;
                if (folders.stream().noneMatch(a -> f.path().startsWith(a.folder() + "/"))) {
                    out.add(e.getClass().getSimpleName() + " writes " + f.path() + " outside " + folders);
                }
            }
            for (AppliedFolder a : folders) {
                for (String app : a.after()) if (!ix.apps().containsKey(app)) out.add(a + " waits for unknown app " + app);
            }
        }
        assertFalse(files == 0);
        return out;
    }

    @Test
    void bothBundledSpecsDeclareEveryFolderTheyWrite() throws Exception {
        assertEquals(List.of(), problems(Compiles.homelab()));
        assertEquals(List.of(), problems(Compiles.today()));
    }
}
