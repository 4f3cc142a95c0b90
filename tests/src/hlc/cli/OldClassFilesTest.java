package hlc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build step that rewrites hlc.jar's pre-Java-6 class files (compiler/build/OldClassFiles.java), so that the
 * start-up archives can hold them: run on a copy of Jinjava's published jar, whose expression language is Java 5,
 * it must leave no class file older than format 50, and every rewritten class must still load and pass the
 * JVM's verifier (the split verifier, which checks the computed frames) and behave as before.
 */
class OldClassFilesTest {
    private static final Path PROJECT = Path.of(System.getProperty("hlc.project.dir", "."));

    @TempDir
    Path dir;

    @Test
    void rewritesJinjavasJava5ClassesIntoOnesTheVerifierAccepts() throws Exception {
        Path jar = dir.resolve("jinjava.jar");
        Files.copy(jarOf("jinjava/javax/el/ELResolver.class"), jar);
        List<String> old = classesOlderThanJava6(jar);
        assertTrue(old.size() > 100, "Jinjava's JUEL is Java 5: " + old.size());

        Path asm = PROJECT.resolve("target/build-tools/asm.jar");
        assertTrue(Files.isRegularFile(asm), "the build copies ASM to " + asm + " (generate-resources)");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", asm.toString(), PROJECT.resolve("compiler/build/OldClassFiles.java").toString(), jar.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(old.size() + " class files older than Java 6 rewritten"), output);
        assertEquals(List.of(), classesOlderThanJava6(jar));

        // The expression language depends on the JDK only: each class of it loads from the rewritten jar alone,
        // verified, and evaluates an expression as Jinjava's own copy does.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : old) {
                if (!name.startsWith("jinjava/")) continue;
                Class<?> c = Class.forName(name.replace('/', '.').replace(".class", ""), true, loader);
                assertEquals(loader, c.getClassLoader(), name);
            }
            Class<?> factory = Class.forName("jinjava.de.odysseus.el.ExpressionFactoryImpl", true, loader);
            Class<?> context = Class.forName("jinjava.de.odysseus.el.util.SimpleContext", true, loader);
            Object f = factory.getConstructor().newInstance();
            Object ctx = context.getConstructor().newInstance();
            Class<?> elContext = Class.forName("jinjava.javax.el.ELContext", false, loader);
            Object expr = factory.getMethod("createValueExpression", elContext, String.class, Class.class)
                    .invoke(f, ctx, "${1 + 2 * 3 == 7 ? 'seven' : 'not'}", Object.class);
            assertEquals("seven", expr.getClass().getMethod("getValue", elContext).invoke(expr, ctx));
        }
    }

    private static Path jarOf(String resource) throws Exception {
        URL url = OldClassFilesTest.class.getClassLoader().getResource(resource);
        String s = url.toString(); // jar:file:/…/jinjava-2.7.3.jar!/jinjava/…
        return Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
    }

    private static List<String> classesOlderThanJava6(Path jar) throws IOException {
        List<String> old = new ArrayList<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().endsWith(".class")) continue;
                try (InputStream in = z.getInputStream(e)) {
                    byte[] head = in.readNBytes(8);
                    if (head.length == 8 && (((head[6] & 0xff) << 8) | (head[7] & 0xff)) < 50) old.add(e.getName());
                }
            }
        }
        return old;
    }
}
