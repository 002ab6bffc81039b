package icsim.experiment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words and the layout of icsim trace. */
class JourneyStoryTest {
    @Test
    void theModelsCalendar() {
        // the simulation starts on Monday 1 January; after a 1-year warm-up day 0 is Tuesday 1 January
        assertEquals("year 1, Tue 1 Jan 00:00", JourneyStory.when(0, 365));
        assertEquals("year 1, Wed 2 Jan 06:00", JourneyStory.when(1.25, 365));
        assertEquals("year 1, Fri 1 Feb 00:00", JourneyStory.when(31, 365));
        assertEquals("year 1, Tue 31 Dec 23:59", JourneyStory.when(364.9999, 365));
        assertEquals("year 2, Wed 1 Jan 00:00", JourneyStory.when(365, 365));
        assertEquals("year 1, Mon 1 Jan 12:00", JourneyStory.when(0.5, 0));
    }

    @Test
    void durationsInPlainWords() {
        assertEquals("4 hours", JourneyStory.duration(4 / 24.0));
        assertEquals("1 hour", JourneyStory.duration(0.001));
        assertEquals("1 day", JourneyStory.duration(1.2));
        assertEquals("12 days", JourneyStory.duration(11.6));
    }

    @Test
    void wrapKeepsWordsWhole() {
        List<String> lines = JourneyStory.wrap("Medically fit to leave, waiting for a home-care package", 20);
        assertEquals(List.of("Medically fit to", "leave, waiting for a", "home-care package"), lines);
        for (String l : JourneyStory.wrap("x".repeat(45), 20)) {
            assertTrue(l.length() <= 20, l);
        }
    }
}
