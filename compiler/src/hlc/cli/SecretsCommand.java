package hlc.cli;

import hlc.secrets.SecretsBundleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;

/** {@code hlc secrets init FILE}: a fresh secrets bundle for a new cluster, written 0600, never over an old one. */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Manage the Talos secrets bundle.",
        subcommands = SecretsCommand.Init.class)
final class SecretsCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Create a new secrets bundle (talosctl gen secrets layout) with fresh keys.",
                    "Refuses to overwrite a file: new secrets for a running cluster lock every node out.",
                    "Keep the file out of git (or encrypt it with SOPS)."})
    static final class Init implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "Where to write the bundle.")
        Path file;

        @Override
        public Integer call() {
            try {
                String yaml = SecretsBundleGenerator.toYaml(new SecretsBundleGenerator().generate());
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                var attrs = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? new java.nio.file.attribute.FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                        : new java.nio.file.attribute.FileAttribute<?>[0];
                Files.createFile(file, attrs);
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                System.err.println("hlc: " + file + " already exists; hlc never replaces a secrets bundle");
                return 2;
            } catch (IOException | GeneralSecurityException e) {
                System.err.println("hlc: cannot create " + file + ": " + Messages.of(e instanceof IOException io ? io : new IOException(e.getMessage())));
                return 2;
            }
            System.err.println("hlc: wrote a new secrets bundle to " + file + " (mode 0600). Keep it out of git.");
            return 0;
        }
    }
}
