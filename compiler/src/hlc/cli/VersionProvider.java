package hlc.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), so it is never written twice. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[]{"hlc " + (v == null ? "(development build)" : v)};
    }
}
