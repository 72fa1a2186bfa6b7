package org.netcompare.analysis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code netcompare} command line: subcommands, and the promise of shared/DESIGN.md that a
 * problem the user can fix ends in one line naming the file or flag and exit status 2, while
 * anything else ends in exit status 1; stack traces only under {@code --verbose}.
 */
@Command(name = "netcompare", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Compare what neural networks learn.",
        subcommands = {DimensionCommand.class, NntsCommand.class, NntpCommand.class,
                SimilarityCommand.class, MatchCommand.class, TrainCommand.class,
                ActivationsCommand.class, GradientsCommand.class, CurvaturePatchCommand.class,
                CurvatureCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status, without exiting the JVM. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    /** As {@link #execute(String...)}, with results and messages sent to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = newCommandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler(Main::reportUsageError);
        commandLine.setExecutionExceptionHandler(Main::reportFailure);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand");
    }

    private static int reportUsageError(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + problem.getMessage()
                + " (see --help)");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static int reportFailure(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose"));
        int status;
        String message;
        if (failure instanceof InvalidInputException) {
            status = ExitCode.BAD_INPUT;
            message = failure.getMessage();
        } else if (failure instanceof IOException io) {
            status = ExitCode.BAD_INPUT;
            message = describe(io);
        } else {
            status = ExitCode.INTERNAL_ERROR;
            message = "internal error: " + failure
                    + (verbose ? "" : " (run with --verbose for the stack trace)");
        }
        err.println(name + ": " + message);
        if (verbose) {
            failure.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** One line for an I/O failure; the JDK's file-system exceptions carry only the path. */
    static String describe(IOException io) {
        if (io instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (io instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (io instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason();
        }
        return io.getMessage() == null ? io.toString() : io.getMessage();
    }
}
