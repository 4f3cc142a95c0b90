package hlc.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), so it is never written twice. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"hlc " + version()};
    }

    /** "0.1.0" from a built jar; classes run from an IDE or the tests have no manifest. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
