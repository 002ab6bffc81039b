package icsim.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WaitingListTest {
    private static final WaitingList.Liveness ALL_LIVE = (person, ticket) -> true;

    @Test
    void emptyListPollsMinusOne() {
        WaitingList list = new WaitingList();
        assertEquals(0, list.size());
        assertEquals(-1, list.pollLive(ALL_LIVE));
    }

    @Test
    void fifoOrder() {
        WaitingList list = new WaitingList();
        int[] people = {5, 3, 9, 0, 12};
        for (int p : people) {
            list.add(p, 0);
        }
        assertEquals(5, list.size());
        for (int i = 0; i < people.length; i++) {
            assertEquals(people[i], list.pollLive(ALL_LIVE));
            assertEquals(people.length - i - 1, list.size());
        }
        assertEquals(-1, list.pollLive(ALL_LIVE));
    }

    @Test
    void deadEntriesAreSkippedAndNotCounted() {
        WaitingList list = new WaitingList();
        boolean[] dead = new boolean[10];
        WaitingList.Liveness live = (person, ticket) -> !dead[person];
        for (int p = 0; p < 6; p++) {
            list.add(p, 0);
        }
        dead[0] = true;
        list.leftWithoutService();
        dead[2] = true;
        list.leftWithoutService();
        dead[3] = true;
        list.leftWithoutService();
        assertEquals(3, list.size());
        assertEquals(1, list.pollLive(live));
        assertEquals(2, list.size());
        assertEquals(4, list.pollLive(live)); // skips 2 and 3
        assertEquals(1, list.size());
        dead[5] = true;
        list.leftWithoutService();
        assertEquals(0, list.size());
        assertEquals(-1, list.pollLive(live)); // only a dead entry left
        assertEquals(0, list.size());
        list.add(7, 0);
        assertEquals(1, list.size());
        assertEquals(7, list.pollLive(live));
        assertEquals(0, list.size());
    }

    @Test
    void growthKeepsOrderWithInterleavedPolls() {
        WaitingList list = new WaitingList();
        Deque<Integer> reference = new ArrayDeque<>();
        List<Integer> polled = new ArrayList<>();
        List<Integer> expectedPolled = new ArrayList<>();
        for (int p = 0; p < 1_000; p++) {
            list.add(p, p);
            reference.addLast(p);
            if (p % 3 == 2) { // the head keeps moving, so growth happens with a wrapped ring
                polled.add(list.pollLive(ALL_LIVE));
                expectedPolled.add(reference.pollFirst());
            }
            assertEquals(reference.size(), list.size());
        }
        while (!reference.isEmpty()) {
            polled.add(list.pollLive(ALL_LIVE));
            expectedPolled.add(reference.pollFirst());
        }
        assertEquals(expectedPolled, polled);
        assertEquals(-1, list.pollLive(ALL_LIVE));
        assertEquals(0, list.size());
    }

    @Test
    void randomOperationsMatchReferenceQueueWithLazyDeletion() {
        Random rnd = new Random(4);
        WaitingList list = new WaitingList();
        int people = 500;
        int[] ticket = new int[people];        // current ticket per person
        boolean[] listed = new boolean[people];
        List<Integer> queue = new ArrayList<>(); // live entries in order
        for (int op = 0; op < 20_000; op++) {
            int r = rnd.nextInt(10);
            int p = rnd.nextInt(people);
            if (r < 5) {
                if (!listed[p]) {
                    ticket[p]++;
                    listed[p] = true;
                    list.add(p, ticket[p]);
                    queue.add(p);
                }
            } else if (r < 7) {
                if (listed[p]) { // leaves: invalidate ticket
                    listed[p] = false;
                    ticket[p]++;
                    list.leftWithoutService();
                    queue.remove(Integer.valueOf(p));
                }
            } else {
                int got = list.pollLive((person, t) -> listed[person] && ticket[person] == t);
                int expected = queue.isEmpty() ? -1 : queue.remove(0);
                assertEquals(expected, got, "poll at op " + op);
                if (got >= 0) {
                    listed[got] = false;
                }
            }
            assertEquals(queue.size(), list.size(), "size at op " + op);
        }
    }

    @Test
    void readdedPersonIsServedOnceAtTheNewPosition() {
        WaitingList list = new WaitingList();
        int[] currentTicket = new int[10];
        Arrays.fill(currentTicket, -1);
        WaitingList.Liveness live = (person, ticket) -> currentTicket[person] == ticket;

        currentTicket[4] = 1;
        list.add(4, 1);      // 4 joins first
        currentTicket[1] = 1;
        list.add(1, 1);
        // 4 leaves (e.g. readmitted) and later rejoins with a new ticket behind 2
        currentTicket[4] = -1;
        list.leftWithoutService();
        currentTicket[2] = 1;
        list.add(2, 1);
        currentTicket[4] = 2;
        list.add(4, 2);
        currentTicket[3] = 1;
        list.add(3, 1);
        assertEquals(4, list.size());

        List<Integer> served = new ArrayList<>();
        int p;
        while ((p = list.pollLive(live)) >= 0) {
            served.add(p);
            currentTicket[p] = -1; // served: no longer waiting
        }
        assertEquals(List.of(1, 2, 4, 3), served);
        assertEquals(0, list.size());
    }
}
