package icsim.cli;

/** A mistake the user can fix (bad file, bad option, unwritable folder): reported as one line, exit code 2. */
final class UserError extends Exception {
    UserError(String message) {
        super(message);
    }
}
