package org.netcompare.analysis.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.netcompare.engine.compute.Backend;
import org.netcompare.engine.compute.Backends;
import org.netcompare.engine.gemm.Sgemm;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand: applies the common options (threads, verbosity), then does its work. Subclasses
 * implement {@link #run()} and throw {@link InvalidInputException} or an {@code IOException}
 * for problems the user can fix; {@link Main} turns those into one-line messages.
 */
public abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    protected CommonOptions common;

    @Spec
    private CommandSpec spec;

    private Backend backend;

    @Override
    public final Integer call() throws Exception {
        common.apply();
        backend = Backends.select(common.backendPreference(), this::notice);
        verbose("compute: " + backend.name() + " backend, gemm " + Sgemm.implementation() + ", "
                + common.threads() + " threads");
        run();
        return ExitCode.OK;
    }

    /** The command's work; returning normally means success. */
    protected abstract void run() throws Exception;

    /** The compute backend chosen from {@code --backend} or the environment. */
    protected Backend backend() {
        return backend;
    }

    /** Where results go when no {@code --out} file is given. */
    protected PrintWriter stdout() {
        return spec.commandLine().getOut();
    }

    /**
     * A progress line on stderr for long work: shown on a terminal or under {@code --verbose},
     * kept out of pipes and logs otherwise.
     */
    protected void progress(String line) {
        if (showsProgress()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        }
    }

    /** True on a terminal or under {@code --verbose}: where {@link #progress} lines appear. */
    protected boolean showsProgress() {
        return common.verbose() || System.console() != null;
    }

    /** The error stream, for a progress line redrawn in place. */
    protected PrintWriter stderr() {
        return spec.commandLine().getErr();
    }

    /** A line the user should see whatever the verbosity, such as a backend fallback. */
    protected void notice(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + line);
        err.flush();
    }

    /** A diagnostic line on stderr, shown only under {@code --verbose}. */
    protected void verbose(String line) {
        if (common.verbose()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        }
    }
}
