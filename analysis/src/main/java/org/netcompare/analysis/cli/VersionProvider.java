package org.netcompare.analysis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project version, filtered into a resource at build time, and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    /** The netcompare version this jar was built as. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/netcompare-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"netcompare " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ")"};
    }
}
