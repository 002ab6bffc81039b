package icsim.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Writes a run's outputs into a hidden sibling folder and renames it into place on commit, so readers
 * never see a half-written result and a failed run leaves the previous result untouched.
 */
public final class OutputDirectory implements AutoCloseable {

    private static final String FIX = "(choose another --out)";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private boolean committed;
    private boolean aborted;

    private OutputDirectory(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks the parent is usable and creates the temporary sibling folder. */
    public static OutputDirectory prepare(Path target) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            throw new OutputException("cannot use " + abs + " as output folder: it is a filesystem root " + FIX);
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("cannot write output folder " + abs + ": a file with that name exists " + FIX);
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create output folder " + abs + ": " + reason(e, parent) + " " + FIX, e);
        }
        if (!Files.isWritable(parent)) {
            throw new OutputException("cannot write output folder " + abs + ": permission denied on " + parent
                    + " " + FIX);
        }
        try {
            Path temp = Files.createDirectory(parent.resolve(hiddenName(abs, "tmp")));
            return new OutputDirectory(abs, temp);
        } catch (IOException e) {
            throw new OutputException("cannot write output folder " + abs + ": " + reason(e, parent) + " " + FIX, e);
        }
    }

    /** The folder to write into until commit. */
    public Path path() {
        return temp;
    }

    /** Where the outputs end up after commit (absolute). */
    public Path target() {
        return target;
    }

    public boolean committed() {
        return committed;
    }

    /**
     * Moves the temporary folder into place. An existing target is renamed aside first, then deleted
     * once the new folder is in place; if the final rename fails the old folder is put back.
     */
    public void commit() throws OutputException {
        if (committed) {
            return;
        }
        if (aborted) {
            throw new IllegalStateException("output folder " + target + " was already aborted");
        }
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = target.resolveSibling(hiddenName(target, "old"));
                move(target, old);
            }
        } catch (IOException e) {
            throw new OutputException("cannot replace output folder " + target + ": " + reason(e, target)
                    + " (close programs using it or choose another --out)", e);
        }
        try {
            move(temp, target);
        } catch (IOException e) {
            if (old != null) {
                try {
                    move(old, target);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new OutputException("cannot move results into " + target + ": " + reason(e, target)
                    + "; they are in " + temp + " " + FIX, e);
        }
        committed = true;
        if (old != null) {
            try {
                deleteRecursively(old);
            } catch (IOException e) {
                // The new results are in place; a leftover hidden folder is harmless.
            }
        }
    }

    /** Deletes the temporary folder (best effort; never throws). No effect after commit. */
    public void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        try {
            deleteRecursively(temp);
        } catch (IOException e) {
            // Nothing useful to do: the caller is already handling a failure.
        }
    }

    /** Aborts unless committed, so try-with-resources cleans up after an exception. */
    @Override
    public void close() {
        abort();
    }

    private static String hiddenName(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Short human reason for a filesystem failure. */
    private static String reason(IOException e, Path near) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        Path blocker = firstNonDirectory(near);
        if (blocker != null) {
            return blocker + " is a file, not a folder";
        }
        if (e instanceof FileSystemException fse) {
            // getMessage() of these exceptions is often just the path, so prefer the OS reason.
            if (fse.getReason() != null && !fse.getReason().isBlank()) {
                return fse.getReason().replaceAll("[\\r\\n]+", " ").toLowerCase(Locale.ROOT);
            }
            if (e instanceof NoSuchFileException) {
                return "the filesystem refused to create it";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "a file with that name already exists";
            }
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : " " + m.replaceAll("[\\r\\n]+", " "));
    }

    /** The first existing ancestor-or-self of p that is not a directory, if any. */
    private static Path firstNonDirectory(Path p) {
        for (Path cur = p.getRoot(); cur != null; ) {
            if (Files.exists(cur) && !Files.isDirectory(cur)) {
                return cur;
            }
            if (cur.equals(p)) {
                break;
            }
            cur = cur.resolve(p.subpath(cur.getNameCount(), cur.getNameCount() + 1));
        }
        return null;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
