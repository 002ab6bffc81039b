package icsim.output;

/** An output folder problem, with a one-line message naming the path and what to do about it. */
public class OutputException extends Exception {

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
