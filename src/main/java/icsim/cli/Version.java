package icsim.cli;

import picocli.CommandLine;

/** The version in the jar's manifest (Maven project version), or "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"icsim " + current()};
    }
}
