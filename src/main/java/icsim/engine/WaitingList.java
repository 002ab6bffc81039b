package icsim.engine;

import java.util.Arrays;

/**
 * FIFO list of person ids on a growable ring buffer. Leavers (deaths, changed needs) are removed lazily:
 * the caller marks them elsewhere and {@link #pollLive} skips them, so removal is O(1). Each entry carries
 * a ticket so that a person who left and rejoined is not served twice from the old place. Negative ids are
 * anonymous entries (people outside the population) that never leave: always live.
 */
public final class WaitingList {
    /** Decides whether an entry is still waiting. */
    @FunctionalInterface
    public interface Liveness {
        boolean isLive(int person, int ticket);
    }

    private int[] persons = new int[64];
    private int[] tickets = new int[64];
    private int head;
    private int count;
    private int live;

    public void add(int person, int ticket) {
        if (count == persons.length) {
            grow();
        }
        int tail = (head + count) % persons.length;
        persons[tail] = person;
        tickets[tail] = ticket;
        count++;
        live++;
    }

    /** Records that one entry has left without being served (death, escalation). */
    public void leftWithoutService() {
        live--;
    }

    /** Number of people still waiting (excludes lazily-deleted leavers). */
    public int size() {
        return live;
    }

    /** Removes and returns the first live person, or -1 if none. */
    public int pollLive(Liveness liveness) {
        while (count > 0) {
            int person = persons[head];
            int ticket = tickets[head];
            head = (head + 1) % persons.length;
            count--;
            if (person < 0 || liveness.isLive(person, ticket)) {
                live--;
                return person;
            }
        }
        return -1;
    }

    private void grow() {
        int[] p = new int[persons.length * 2];
        int[] t = new int[persons.length * 2];
        for (int i = 0; i < count; i++) {
            p[i] = persons[(head + i) % persons.length];
            t[i] = tickets[(head + i) % persons.length];
        }
        persons = p;
        tickets = t;
        head = 0;
        Arrays.fill(p, count, p.length, 0);
    }
}
