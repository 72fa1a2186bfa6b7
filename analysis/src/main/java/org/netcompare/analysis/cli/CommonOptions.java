package org.netcompare.analysis.cli;

import org.netcompare.engine.parallel.Parallelism;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Flags every subcommand takes: threads, seed, backend and verbosity. */
public final class CommonOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--backend", paramLabel = "cpu|opencl|auto",
            description = "Compute backend; default: $NETCOMPARE_BACKEND, else auto.")
    String backend;

    @Option(names = {"-v", "--verbose"},
            description = "Print diagnostics (compute paths taken) and stack traces on errors.")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: the number of cores).")
    void setThreads(int count) {
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                    "--threads must be at least 1, got " + count);
        }
        threads = count;
    }

    public long seed() {
        return seed;
    }

    public boolean verbose() {
        return verbose;
    }

    /** The backend named by {@code --backend}, or null to leave the choice to the environment. */
    public String backendPreference() {
        return backend;
    }

    /** Applies the settings that are process-wide (the thread count). */
    void apply() {
        Parallelism.setThreads(threads);
    }

    public int threads() {
        return threads;
    }
}
