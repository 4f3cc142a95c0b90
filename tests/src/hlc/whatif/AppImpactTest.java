package hlc.whatif;

import hlc.model.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static hlc.whatif.Lab.cp;
import static hlc.whatif.Lab.pool;
import static hlc.whatif.Lab.spec;
import static hlc.whatif.Lab.whatIf;
import static hlc.whatif.Lab.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apps hurt by their own storage, and apps hurt only through what they depend on. */
class AppImpactTest {
    private static final String STORAGE = """
            device nas { kind nas  address 192.168.5.10 on lan  export media "/volume1/media" }
            storage-class ssd   { ceph blocks  default }
            storage-class local { hostpath "/var/mnt/local" }
            storage-class media { nfs media on nas }
            """;
    private static final String APPS = """
            app db     { namespace data  storage ssd }
            app cache  { namespace data  storage local }
            app files  { namespace data  storage media }
            app web    { namespace web   depends [files, db] }
            app api    { namespace web   depends [web] }
            app static { namespace web   depends [files] }
            """;
    private static final Spec LAB = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1),
            pool("blocks", 3, 2, "host"), STORAGE, APPS);

    private static Map<String, AppImpact.Result> hurt(Spec spec, String... failed) {
        return whatIf(spec, failed).apps().stream()
                .collect(Collectors.toMap(AppImpact.Result::app, Function.identity()));
    }

    @Test
    void cephAppLosesItsStorageWhenThePoolIsReadOnly() {
        Report r = whatIf(LAB, "n1", "n2");
        assertEquals(PoolState.BLOCKED, r.pools().get(0).state());
        AppImpact.Result db = hurt(LAB, "n1", "n2").get("db");
        assertEquals(AppImpact.Cause.STORAGE, db.cause());
        assertEquals(List.of(new AppImpact.LostStorage("ssd", "pool blocks is read-only/blocked")), db.storage());
        assertEquals(1, r.appsWithoutStorage());
    }

    @Test
    void dependentsAreHurtThroughTheDependencyWithItsPath() {
        Map<String, AppImpact.Result> hurt = hurt(LAB, "n1", "n2");
        assertEquals(AppImpact.Cause.DEPENDENCY, hurt.get("web").cause());
        assertEquals(List.of("web", "db"), hurt.get("web").path());
        assertEquals(List.of("api", "web", "db"), hurt.get("api").path(), "transitively, naming every step");
        assertFalse(hurt.containsKey("files"), "NFS is served by the NAS, which no host failure takes down");
        assertFalse(hurt.containsKey("static"), "its only dependency is unhurt");
    }

    @Test
    void nothingOnCephIsHurtWhileThePoolIsWritable() {
        Map<String, AppImpact.Result> hurt = hurt(LAB, "n3");
        assertEquals(PoolState.WRITABLE, whatIf(LAB, "n3").pools().get(0).state());
        assertFalse(hurt.containsKey("db"));
        assertFalse(hurt.containsKey("web"));
        assertFalse(hurt.containsKey("api"));
    }

    @Test
    void hostpathDataOnAFailedNodeIsUnavailable() {
        AppImpact.Result cache = hurt(LAB, "n3").get("cache");
        assertEquals(AppImpact.Cause.NODE_LOCAL, cache.cause());
        assertEquals(List.of(new AppImpact.LostStorage("local", "node-local: its volumes on n3 are unavailable")),
                cache.storage());
    }

    @Test
    void controlPlanesRunNoPodsWhenThereAreWorkers() {
        // With workers, Talos keeps pods off control planes: a control plane holds no hostpath volume.
        Spec spec = spec(cp("n1", 11, 0), worker("w1", 21, 0), STORAGE.replace("ceph blocks  default", "hostpath \"/x\" default"),
                "app cache { namespace data  storage local }\n");
        assertTrue(whatIf(spec, "n1").apps().isEmpty());
        assertEquals(List.of("cache"), whatIf(spec, "w1").apps().stream().map(AppImpact.Result::app).toList());
    }

    @Test
    void theSurestHurtIsListedFirst() {
        List<AppImpact.Cause> causes = whatIf(LAB, "n1", "n2").apps().stream().map(AppImpact.Result::cause).toList();
        assertEquals(List.of(AppImpact.Cause.STORAGE, AppImpact.Cause.NODE_LOCAL, AppImpact.Cause.DEPENDENCY,
                AppImpact.Cause.DEPENDENCY), causes);
    }

    @Test
    void theShortestDependencyPathIsNamed() {
        // far -> a -> b -> db and far -> db: the direct edge is named, whatever order depends lists them in.
        Spec spec = spec(cp("n1", 11, 1), cp("n2", 12, 1), cp("n3", 13, 1), pool("blocks", 3, 2, "host"), STORAGE, """
                app db  { namespace data  storage ssd }
                app b   { namespace web  depends [db] }
                app a   { namespace web  depends [b] }
                app far { namespace web  depends [a, db] }
                """);
        Map<String, AppImpact.Result> hurt = hurt(spec, "n1", "n3");
        assertEquals(List.of("far", "db"), hurt.get("far").path());
        assertEquals(List.of("a", "b", "db"), hurt.get("a").path());
    }
}
