package org.netcompare.engine.compute;

import java.util.Iterator;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Chooses the {@link Backend} a run uses (the {@code --backend} option).
 *
 * <p>The preference is "cpu", "auto" or the name of a registered {@link BackendProvider}
 * ("opencl"); without one, the environment variable {@value #ENVIRONMENT} gives it, and
 * without that, "auto". "auto" takes the first provider that opens, in class-path order, and
 * the CPU backend when none does. A provider that fails to load or to open (a missing native
 * library, no OpenCL device, any exception) costs one notice line and the CPU backend takes
 * over: a broken accelerator set-up never stops a run.
 */
public final class Backends {

    /** Environment variable read when no preference is given. */
    public static final String ENVIRONMENT = "NETCOMPARE_BACKEND";

    private Backends() {
    }

    /**
     * @param preference "auto", "cpu", a provider name, or null / blank to use
     *     {@value #ENVIRONMENT}
     * @param notices receives one line per problem met while choosing
     */
    public static Backend select(String preference, Consumer<String> notices) {
        return select(resolve(preference, System.getenv(ENVIRONMENT)), notices,
                ServiceLoader.load(BackendProvider.class));
    }

    /** The effective preference, lower case: the given one, else the environment's, else auto. */
    static String resolve(String preference, String environment) {
        for (String candidate : new String[] {preference, environment}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip().toLowerCase(Locale.ROOT);
            }
        }
        return "auto";
    }

    private static Backend select(String wanted, Consumer<String> notices,
            Iterable<BackendProvider> providers) {
        if (wanted.equals("cpu")) {
            return new CpuBackend();
        }
        boolean any = wanted.equals("auto");
        boolean found = false;
        Iterator<BackendProvider> iterator = providers.iterator();
        while (true) {
            BackendProvider provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                notices.accept("a backend provider failed to load (" + describe(e)
                        + "); skipping it");
                continue;
            }
            String name;
            try {
                name = provider.name();
            } catch (LinkageError | RuntimeException e) {
                notices.accept("backend provider " + provider.getClass().getName()
                        + " failed to load (" + describe(e) + "); skipping it");
                continue;
            }
            if (!any && !wanted.equals(name)) {
                continue;
            }
            found = true;
            try {
                Backend backend = provider.create();
                if (backend != null) {
                    return backend;
                }
                notices.accept("backend " + name + " is unavailable (its provider returned"
                        + " nothing); " + (any ? "skipping it" : "using cpu"));
            } catch (Exception | LinkageError e) {
                notices.accept("backend " + name + " is unavailable (" + describe(e) + "); "
                        + (any ? "skipping it" : "using cpu"));
            }
        }
        if (!any && !found) {
            notices.accept("backend " + wanted + " is not installed; using cpu");
        }
        return new CpuBackend();
    }

    /** The throwable's class and message on one line. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message);
        return text.replaceAll("\\s+", " ").strip();
    }
}
