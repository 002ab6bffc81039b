package icsim.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityServiceTest {
    private static final double EPS = 1e-9;
    /** Warm-up [0,10), year 1 [10,375), year 2 [375,...). */
    private final Periods periods = new Periods(10, 2);

    @Test
    void occupyBeyondCapacityThrowsAndLeavesStateUnchanged() {
        CapacityService beds = new CapacityService("beds", 2, periods, 10);
        assertEquals("beds", beds.name());
        assertEquals(2, beds.capacity());
        assertTrue(beds.hasFreePlace());
        beds.occupy(0, 0);
        beds.occupy(1, 1);
        assertFalse(beds.hasFreePlace());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> beds.occupy(2, 2));
        assertTrue(e.getMessage().contains("beds"));
        assertEquals(2, beds.inUse());
        assertEquals(2, beds.starts(0), "a refused occupy is not a start");
    }

    @Test
    void zeroCapacityServiceRefusesEveryone() {
        CapacityService none = new CapacityService("none", 0, periods, 10);
        assertFalse(none.hasFreePlace());
        assertThrows(IllegalStateException.class, () -> none.occupy(0, 0));
    }

    @Test
    void releaseBelowZeroThrows() {
        CapacityService beds = new CapacityService("beds", 2, periods, 10);
        assertThrows(IllegalStateException.class, () -> beds.release(0, 0));
        beds.occupy(1, 0);
        beds.release(2, 0);
        assertThrows(IllegalStateException.class, () -> beds.release(3, 0));
        assertEquals(0, beds.inUse());
        assertTrue(beds.hasFreePlace());
    }

    @Test
    void occupancyIntegralPerPeriod() {
        CapacityService beds = new CapacityService("beds", 3, periods, 10);
        beds.occupy(0, 0);    // 1 on [0,4)
        beds.occupy(4, 1);    // 2 on [4,8)
        beds.release(8, 0);   // 1 on [8,12): person 0 held 8 days, ended in period 0
        beds.occupy(12, 2);   // 2 on [12,20)
        beds.occupy(20, 3);   // 3 on [20,30)
        beds.release(30, 1);  // 2 on [30,370): person 1 held 26 days
        beds.release(370, 2); // 1 on [370,400): person 2 held 358 days
        beds.occupy(400, 4);  // 2 on [400,500)
        // period 0: 1*4 + 2*4 + 1*2 = 14
        // period 1: 1*2 + 2*8 + 3*10 + 2*340 + 1*5 = 733
        // period 2: 1*25 + 2*100 = 225
        assertEquals(14, beds.occupancyIntegral(500, 0), EPS);
        assertEquals(733, beds.occupancyIntegral(500, 1), EPS);
        assertEquals(225, beds.occupancyIntegral(500, 2), EPS);
        assertEquals(2, beds.starts(0));
        assertEquals(2, beds.starts(1));
        assertEquals(1, beds.starts(2));
        assertEquals(2, beds.inUse());
        assertEquals(1, beds.staysEnded(0));
        assertEquals(8, beds.stayDays(0), EPS);
        assertEquals(2, beds.staysEnded(1));
        assertEquals(26 + 358, beds.stayDays(1), EPS);
        assertEquals(0, beds.staysEnded(2));
    }

    @Test
    void aStayOfUnknownStartIsLeftOutOfTheStayLengths() {
        CapacityService homes = new CapacityService("homes", 2, periods, 10);
        homes.occupy(0, 0);
        homes.startUnknown(0);
        homes.occupy(0, 1);
        homes.release(20, 0);
        homes.release(30, 1);
        assertEquals(1, homes.staysEnded(1));
        assertEquals(30, homes.stayDays(1), EPS);
        assertEquals(0, homes.inUse());
    }

    @Test
    void waitingListRecordsWaitsAndServedFromList() {
        CapacityService beds = new CapacityService("beds", 1, periods, 10);
        double[] listedSince = new double[10];
        boolean[] waiting = new boolean[10];
        WaitingList.Liveness live = (person, ticket) -> waiting[person];

        beds.occupy(0, 0);
        listedSince[3] = 1;
        waiting[3] = true;
        beds.enqueue(1, 3, 0);   // list 1 on [1,2)
        listedSince[5] = 2;
        waiting[5] = true;
        beds.enqueue(2, 5, 0);   // list 2 on [2,3)
        listedSince[7] = 3;
        waiting[7] = true;
        beds.enqueue(3, 7, 0);   // list 3 on [3,4)
        assertEquals(3, beds.waiting());
        waiting[5] = false;
        beds.leftList(4);        // list 2 on [4,6)
        assertEquals(2, beds.waiting());

        beds.release(6, 0);
        int first = beds.pollWaiting(6, live, listedSince); // in warm-up, waited 5; list 1 on [6,30)
        assertEquals(3, first);
        waiting[3] = false;
        beds.occupy(6, 3);
        assertEquals(1, beds.servedFromList(0));
        assertEquals(5, beds.waitDaysServed(0), EPS);

        beds.release(30, 3);
        int second = beds.pollWaiting(30, live, listedSince); // skips 5, serves 7 after 27 days; list 0
        assertEquals(7, second);
        waiting[7] = false;
        beds.occupy(30, 7);
        assertEquals(0, beds.waiting());
        assertEquals(1, beds.servedFromList(1));
        assertEquals(27, beds.waitDaysServed(1), EPS);

        assertEquals(-1, beds.pollWaiting(40, live, listedSince));
        assertEquals(1, beds.servedFromList(1), "an empty poll serves no one");
        assertEquals(27, beds.waitDaysServed(1), EPS);
        assertEquals(0, beds.servedFromList(2));

        // list length integral: period 0: 1 + 2 + 3 + 2*2 + 1*4 = 14; period 1: 1*20 = 20
        assertEquals(14, beds.waitingIntegral(100, 0), EPS);
        assertEquals(20, beds.waitingIntegral(100, 1), EPS);
        assertEquals(0, beds.waitingIntegral(400, 2), EPS);
    }

    @Test
    void waitsAreAttributedToThePeriodOfService() {
        CapacityService s = new CapacityService("homes", 1, periods, 10);
        double[] listedSince = {5};
        s.enqueue(5, 0, 0);
        assertEquals(0, s.pollWaiting(380, (p, t) -> true, listedSince));
        assertEquals(0, s.servedFromList(0));
        assertEquals(0, s.servedFromList(1));
        assertEquals(1, s.servedFromList(2));
        assertEquals(375, s.waitDaysServed(2), EPS);
        // the list length of 1 on [5, 380) is split across the three periods
        assertEquals(5, s.waitingIntegral(400, 0), EPS);
        assertEquals(365, s.waitingIntegral(400, 1), EPS);
        assertEquals(5, s.waitingIntegral(400, 2), EPS);
    }
}
