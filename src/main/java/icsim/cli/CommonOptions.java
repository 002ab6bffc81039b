package icsim.cli;

import icsim.output.OutputException;
import icsim.scenario.ScenarioException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** --quiet and --debug, and the one place that turns failures into one line and an exit code. */
final class CommonOptions {
    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--debug", description = "On error, also print the stack trace.")
    boolean debug;

    interface Action {
        int run() throws Exception;
    }

    int guard(Action action) {
        try {
            return action.run();
        } catch (ScenarioException | UserError | OutputException e) {
            return fail(e, e.getMessage(), Main.USER_ERROR);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return fail(e, "cannot access " + e.getFile() + " (check the path and permissions)", Main.USER_ERROR);
        } catch (IOException e) {
            return fail(e, "input/output error: " + e.getMessage(), Main.USER_ERROR);
        } catch (OutOfMemoryError e) {
            return fail(e, "out of memory: give Java more heap (java -Xmx8g -jar ...) or reduce --population", 1);
        } catch (Exception | StackOverflowError e) {
            return fail(e, "internal error: " + e + " (please report it; --debug shows the stack trace)", 1);
        }
    }

    private int fail(Throwable e, String message, int code) {
        System.err.println("icsim: " + message);
        if (debug) {
            e.printStackTrace(System.err);
        }
        return code;
    }
}
