import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A build step (run by Maven after the shade, see pom.xml): rewrites the class files of hlc.jar older than
 * Java 6 (format 50) as Java 8 class files, with the stack map frames the newer format requires computed by ASM.
 * Nothing else of a class changes: the same bytecode, constants and attributes.
 *
 * <p>Why: class-data sharing (JDK 17) and the AOT cache (JDK 25) refuse classes older than format 50, and every
 * class that extends one. Jinjava ships its expression language (JUEL 2.2.7, relocated under {@code jinjava.})
 * in Java 5 class files, and SLF4J 1.7 is Java 5 too, so about 150 classes of every compile were read from the
 * jar and verified by the old type-inferring verifier on every run (about 60 ms of CPU on JDK 17, measured);
 * rewritten, they are in the archive like the rest.
 *
 * <p>A class ASM cannot give frames (JSR/RET subroutines, which javac has not written since Java 1.4) is left
 * as it was: it only stays out of the archive.
 *
 * <p>Usage: {@code java -cp asm.jar compiler/build/OldClassFiles.java target/hlc.jar}
 */
public final class OldClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int rewritten = 0, kept = 0;
        // Common superclasses for the frames are looked up among the jar's own classes (and the JDK's).
        try (URLClassLoader types = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             InputStream in = Files.newInputStream(jar);
             ZipInputStream zin = new ZipInputStream(in);
             OutputStream out = Files.newOutputStream(tmp);
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                byte[] bytes = zin.readAllBytes();
                if (e.getName().endsWith(".class") && bytes.length > 8 && major(bytes) < JAVA_6) {
                    byte[] upgraded = upgrade(bytes, types);
                    if (upgraded != null) {
                        bytes = upgraded;
                        rewritten++;
                    } else {
                        kept++;
                    }
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                zout.write(bytes);
                zout.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OldClassFiles: " + rewritten + " class files older than Java 6 rewritten as Java 8"
                + (kept > 0 ? ", " + kept + " left as they were (subroutines)" : ""));
    }

    private static int major(byte[] b) {
        return ((b[6] & 0xff) << 8) | (b[7] & 0xff);
    }

    /** The class as a Java 8 class file with computed frames, or null when ASM cannot compute them. */
    private static byte[] upgrade(byte[] bytes, ClassLoader types) {
        try {
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return types;
                }
            };
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, w) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                }
            }, 0);
            return w.toByteArray();
        } catch (RuntimeException cannot) {
            return null;
        }
    }
}
