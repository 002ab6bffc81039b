package icsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code icsim <command> ...}. Exit codes: 0 success, 1 internal error, 2 a user's input error. */
@Command(name = "icsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Discrete-event simulation of integrated versus fragmented health and social care.",
        subcommands = {RunCommand.class, CompareCommand.class, ExperimentCommand.class, SweepCommand.class, ValidateCommand.class, BenchCommand.class,
                TargetsCommand.class,
                WarmupCommand.class, ReplicationsCommand.class, TraceCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("icsim: " + ex.getMessage() + " (see --help)");
            return USER_ERROR;
        });
        return cl.execute(args);
    }
}
