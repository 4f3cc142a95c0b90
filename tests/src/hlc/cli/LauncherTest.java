package hlc.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code hlc} launcher script's choice of JVM and start-up archive. It runs the real script, copied into a
 * project folder of its own with a jar already built (so it builds nothing), against fake JDKs: folders with a
 * {@code release} file and a {@code bin/java} that only records how it was called and writes the archive a
 * training run asks for. Two tests start real JVMs on a damaged archive, which must only cost speed.
 */
class LauncherTest {
    @TempDir
    Path dir;

    Path project;
    Path jar;
    Path log;
    Path noJdks;

    record Run(int exit, String stdout, String stderr) {}

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        Path launcher = project.resolve("hlc");
        Files.copy(Path.of(System.getProperty("hlc.project.dir", "."), "hlc"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = Files.createDirectories(project.resolve("target")).resolve("hlc.jar");
        Files.writeString(jar, "not read by the fake JDKs");
        setAge(jar, 3600);
        log = dir.resolve("java.log");
        noJdks = Files.createDirectories(dir.resolve("no-jdks"));
    }

    @Test
    void javaHomeWithJdk25RunsWithTheFrontEndCacheMadeOnce() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        Run first = launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "spec.hl");
        assertEquals(0, first.exit(), first.stderr());
        List<String> calls = calls();
        assertEquals(2, calls.size(), "one training run, then the run itself: " + calls);
        assertTrue(calls.get(0).contains("-XX:AOTCacheOutput=" + project.resolve("target/hlc-jdk25-front.aot.")), calls.get(0));
        assertTrue(calls.get(0).endsWith("hlc.cli.CdsTraining front"), calls.get(0));
        assertTrue(calls.get(0).contains(" --enable-native-access=ALL-UNNAMED "), "the cache records it: " + calls.get(0));
        assertEquals(jdk25.resolve("bin/java") + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
                + " --enable-native-access=ALL-UNNAMED"
                + " -XX:AOTCache=" + project.resolve("target/hlc-jdk25-front.aot") + " -Xlog:aot=off,cds=off"
                + " -cp " + jar + " hlc.cli.Main check spec.hl", calls.get(1));
        assertTrue(first.stderr().contains("preparing target/hlc-jdk25-front.aot"), first.stderr());

        Files.delete(log);
        Run second = launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "spec.hl");
        assertEquals(1, calls().size(), "the cache is made once per build: " + calls());
        assertEquals("", second.stderr());
    }

    @Test
    void compileAndGateUseTheFullCache() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25");
        launch(Map.of("JAVA_HOME", jdk25.toString()), "compile", "spec.hl", "--check");
        assertTrue(lastCall().contains("-XX:AOTCache=" + project.resolve("target/hlc-jdk25-full.aot")), lastCall());
        assertTrue(calls().get(0).endsWith("hlc.cli.CdsTraining full"), calls().get(0));
        launch(Map.of("JAVA_HOME", jdk25.toString()), "gate", "spec.hl");
        assertTrue(lastCall().contains("-XX:AOTCache=" + project.resolve("target/hlc-jdk25-full.aot")), lastCall());
        launch(Map.of("JAVA_HOME", jdk25.toString()), "fmt", "--check", "spec.hl");
        assertTrue(lastCall().contains("-XX:AOTCache=" + project.resolve("target/hlc-jdk25-front.aot")), lastCall());
    }

    @Test
    void jdk25InAKnownLocationIsPreferredToJavaHomesJdk17() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        Path jvms = Files.createDirectories(dir.resolve("jvm"));
        Path jdk21 = fakeJdk("jvm/jdk-21", "21.0.2");
        Path jdk25 = fakeJdk("jvm/temurin-25-jdk-amd64", "25.0.3");
        Path jdk26 = fakeJdk("jvm/jdk-26", "26-ea");
        launch(Map.of("JAVA_HOME", jdk17.toString(), "HLC_JDK_LOCATIONS", noJdks + ":" + jvms), "check", "spec.hl");
        assertTrue(lastCall().startsWith(jdk26.resolve("bin/java") + " "), "the newest JDK: " + lastCall());
        assertTrue(lastCall().contains("-XX:AOTCache=" + project.resolve("target/hlc-jdk26-front.aot")), lastCall());
        assertTrue(Files.exists(jdk21) && Files.exists(jdk25));
    }

    @Test
    void withoutJdk25ItRunsJavaHomesJdk17WithTheCdsArchive() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        Path jdk24 = fakeJdk("jvm/jdk-24", "24.0.1");
        Run run = launch(Map.of("JAVA_HOME", jdk17.toString(), "HLC_JDK_LOCATIONS", dir.resolve("jvm").toString()),
                "check", "spec.hl");
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(calls().get(0).startsWith(jdk17.resolve("bin/java") + " "), calls().get(0));
        assertTrue(calls().get(0).contains("-XX:ArchiveClassesAtExit=" + project.resolve("target/hlc.jsa.")), calls().get(0));
        assertTrue(calls().get(0).endsWith("hlc.cli.CdsTraining full"), calls().get(0));
        assertEquals(jdk17.resolve("bin/java") + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
                + " -XX:SharedArchiveFile=" + project.resolve("target/hlc.jsa") + " -Xlog:cds=off,cds+dynamic=off"
                + " -cp " + jar + " hlc.cli.Main check spec.hl", lastCall());
        assertTrue(Files.exists(jdk24));
    }

    @Test
    void withNoJavaHomeItRunsTheJavaOnPath() throws Exception {
        Path jdk17 = fakeJdk("path-jdk", "17.0.15");
        Run run = launch(Map.of("PATH", jdk17.resolve("bin") + ":" + System.getenv("PATH"),
                "HLC_JDK_LOCATIONS", noJdks.toString()), "check", "spec.hl");
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(lastCall().startsWith(jdk17.resolve("bin/java") + " "), lastCall());
        assertTrue(lastCall().contains("-XX:SharedArchiveFile=" + project.resolve("target/hlc.jsa")), lastCall());
    }

    @Test
    void aCacheOlderThanTheJarIsMadeAgain() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        Path cache = project.resolve("target/hlc-jdk25-front.aot");
        Files.writeString(cache, "from the previous build");
        setAge(cache, 7200); // older than the jar
        launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "spec.hl");
        assertEquals(2, calls().size(), calls().toString());
        assertTrue(calls().get(0).contains("-XX:AOTCacheOutput="), calls().get(0));
        assertEquals("cache\n", Files.readString(cache));
        assertTrue(lastCall().contains("-XX:AOTCache=" + cache), lastCall());
    }

    @Test
    void aCacheOlderThanTheJdkIsMadeAgain() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        Path cache = project.resolve("target/hlc-jdk25-front.aot");
        Files.writeString(cache, "made by the JDK before its update");
        setAge(cache, 60); // newer than the jar, older than the JDK's class library
        Files.writeString(jdk25.resolve("lib/modules"), "updated");
        launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "spec.hl");
        assertTrue(calls().get(0).contains("-XX:AOTCacheOutput="), calls().toString());
        assertEquals("cache\n", Files.readString(cache));
    }

    @Test
    void aFailedTrainingRunsWithoutTheCacheAndIsNotRetriedUntilTheJarChanges() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        Map<String, String> env = Map.of("JAVA_HOME", jdk25.toString(), "FAKE_TRAINING_FAILS", "1");
        Run run = launch(env, "check", "spec.hl");
        assertEquals(0, run.exit(), run.stderr());
        assertFalse(lastCall().contains("AOTCache"), lastCall());
        assertTrue(lastCall().endsWith("-cp " + jar + " hlc.cli.Main check spec.hl"), lastCall());
        assertFalse(Files.exists(project.resolve("target/hlc-jdk25-front.aot")));

        Files.delete(log);
        launch(env, "check", "spec.hl");
        assertEquals(1, calls().size(), "not retried: " + calls());

        Files.delete(log);
        setAge(jar, 0); // a new build
        launch(env, "check", "spec.hl");
        assertEquals(2, calls().size(), "retried after a build: " + calls());
    }

    @Test
    void theRunsExitCodeAndArgumentsPassThrough() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        Run run = launch(Map.of("JAVA_HOME", jdk25.toString(), "FAKE_EXIT", "3"), "check", "a file.hl", "--strict");
        assertEquals(3, run.exit());
        assertTrue(lastCall().endsWith("check a file.hl --strict"), lastCall());
    }

    @Test
    void cdsOffRunsWithoutArchives() throws Exception {
        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        launch(Map.of("JAVA_HOME", jdk25.toString(), "HLC_CDS", "off"), "check", "spec.hl");
        assertEquals(1, calls().size(), calls().toString());
        assertFalse(lastCall().contains("AOT"), lastCall());
    }

    @Test
    void aDamagedCdsArchiveIsNotFatalOnARealJdk17() throws Exception {
        realJar();
        Path archive = project.resolve("target/hlc.jsa");
        Files.write(archive, new byte[]{'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'r', 'c', 'h', 'i', 'v', 'e'});
        Run run = launch(Map.of("HLC_JDK25", "off", "HLC_JDK_LOCATIONS", noJdks.toString()), "check", "x");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("ran check x\n", run.stdout());
        assertEquals("", run.stderr(), "a rejected archive is silent");
    }

    @Test
    void aDamagedAotCacheIsNotFatalOnARealJdk25() throws Exception {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isExecutable(jdk25.resolve("bin/java")), "no JDK 25 at " + jdk25);
        realJar();
        Path cache = project.resolve("target/hlc-jdk25-front.aot");
        Files.write(cache, new byte[4096]);
        Run run = launch(Map.of("JAVA_HOME", jdk25.toString()), "check", "x");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("ran check x\n", run.stdout());
        assertEquals("", run.stderr(), "a rejected cache is silent");
    }

    // ------------------------------------------------------------------ helpers

    /** A JDK folder whose java logs its command line, makes what a training asks for and exits $FAKE_EXIT. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/modules"), "the class library");
        setAge(home.resolve("lib/modules"), 86400);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"fake\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                echo "$0 $*" >>"$FAKE_LOG"
                for a in "$@"; do
                  case "$a" in
                    -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*)
                      [ -z "$FAKE_TRAINING_FAILS" ] || exit 1
                      echo cache >"${a#*=}" ;;
                  esac
                done
                exit "${FAKE_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    /**
     * Replaces the fake jar by a real one whose main class (hlc.cli.Main, which the launcher names) prints its
     * arguments; hlc's training then fails.
     */
    private void realJar() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Main.java"), "package hlc.cli; public class Main { public static void main(String[] a) {"
                + " System.out.println(\"ran \" + String.join(\" \", a)); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int javac = new ProcessBuilder("javac", "--release", "17", "-d", classes.toString(), src.resolve("Main.java").toString())
                .inheritIO().start().waitFor();
        assertEquals(0, javac);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "hlc.cli.Main");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.putNextEntry(new JarEntry("hlc/cli/Main.class"));
            j.write(Files.readAllBytes(classes.resolve("hlc/cli/Main.class")));
            j.closeEntry();
        }
        setAge(jar, 3600);
        // The archive is "made" by a failed training of this jar: only the damaged one below is there to map.
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("hlc").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        e.remove("JAVA_HOME");
        e.remove("HLC_CDS");
        e.remove("HLC_JDK25");
        e.put("HLC_JDK_LOCATIONS", noJdks.toString());
        e.put("FAKE_LOG", log.toString());
        e.putAll(new HashMap<>(env));
        Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private String lastCall() throws IOException {
        List<String> c = calls();
        return c.isEmpty() ? "(no call)" : c.get(c.size() - 1);
    }

    private static void setAge(Path p, long seconds) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(seconds)));
    }
}
