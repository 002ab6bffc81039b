package icsim.experiment;

import icsim.model.CareSystem;
import icsim.model.PersonSnapshot;
import icsim.model.Rates;
import icsim.output.EventRecord;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One person followed through two scenarios (icsim trace): one replication of each, with common random numbers,
 * so both see the same person with the same health events until a difference between the scenarios changes
 * them. Only the traced population slot is logged; choosing a persona logs, in scenario A only, the people who
 * match it, to find one whose story shows the system at work.
 */
public final class PersonTrace {
    /** At most this many people matching a persona are followed in the first pass (the lowest slots). */
    static final int CANDIDATES = 500;

    private PersonTrace() {
    }

    /** The person cannot be traced (no such person, no one matches): a mistake the user can fix. */
    public static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    /** A person chosen by description, at the end of warm-up in scenario A. */
    public enum Persona {
        MRS_SMITH("mrs-smith", "aged 85 or over, severe frailty, living alone, at home and not a care-home resident",
                true, s -> s.frailty() == 3 && s.age() >= 85 && s.livesAlone() && atHome(s)),
        FRAIL_AT_HOME("frail-at-home", "aged 75 to 84, moderate frailty, at home and not a care-home resident",
                false, s -> s.frailty() == 2 && s.age() >= 75 && s.age() < 85 && atHome(s)),
        UNDER_65_LTC("under-65-ltc", "under 65 with a long-term condition, at home", false,
                s -> "under65_ltc".equals(s.group()) && atHome(s));

        public final String id;
        public final String description;
        /** Whether the person must have at least one crisis in the traced years (in scenario A). */
        final boolean needsCrisis;
        private final Predicate<PersonSnapshot> rule;

        Persona(String id, String description, boolean needsCrisis, Predicate<PersonSnapshot> rule) {
            this.id = id;
            this.description = description;
            this.needsCrisis = needsCrisis;
            this.rule = rule;
        }

        public boolean matches(PersonSnapshot s) {
            return s.alive() && rule.test(s);
        }

        private static boolean atHome(PersonSnapshot s) {
            return "home".equals(s.place()) && !s.careHomeResident();
        }

        /** The persona called name, or null. */
        public static Persona named(String name) {
            for (Persona p : values()) {
                if (p.id.equalsIgnoreCase(name)) {
                    return p;
                }
            }
            return null;
        }

        public static String names() {
            List<String> ids = new ArrayList<>();
            for (Persona p : values()) {
                ids.add(p.id);
            }
            return String.join(", ", ids);
        }
    }

    /**
     * One scenario's side of the trace.
     *
     * @param start  the traced person at the end of warm-up in this scenario
     * @param events their events from the end of warm-up to their death or the end of the run, in order
     */
    public record Side(Scenario scenario, PersonSnapshot start, List<EventRecord> events) {
    }

    /**
     * @param notes plain sentences on how the person was chosen and anything the reader should know
     */
    public record Result(Side a, Side b, int replication, List<String> notes) {
    }

    /**
     * Traces person id (slot + generation x population size, as in the event log): the occupant of that slot
     * alive at the end of warm-up.
     */
    public static Result byPerson(Scenario a, Scenario b, int replication, long id) throws NotFound {
        int size = a.population().size();
        if (id < 0) {
            throw new NotFound("--person " + id + ": person ids are 0 or more (slot + generation × " + size + ")");
        }
        int slot = (int) (id % size);
        long generation = id / size;
        List<String> notes = new ArrayList<>();
        Run runA = run(a, replication, slot, null);
        PersonSnapshot start = runA.starts.get(slot);
        if (!start.alive()) {
            throw new NotFound("--person " + id + ": population slot " + slot + " holds no one alive at the end of "
                    + "warm-up in " + a.name() + " (choose another id from the event log, or --persona)");
        }
        long occupantGeneration = start.person() / size;
        if (generation > occupantGeneration) {
            throw new NotFound("--person " + id + ": no such person at the end of warm-up in " + a.name() + " (ids are "
                    + "slot + generation × " + size + "; slot " + slot + " then holds person " + start.person()
                    + "; choose an id from the event log, or --persona)");
        }
        if (generation < occupantGeneration) {
            notes.add("Person " + id + " died during warm-up; the trace follows the person in the same population "
                    + "slot (" + slot + ") at the end of warm-up, person " + start.person() + ".");
        } else {
            notes.add("Person " + id + " as in the event log (population slot " + slot + "), followed from the end "
                    + "of warm-up.");
        }
        return finish(a, b, replication, runA, slot, notes);
    }

    /** The stories a persona's person may have in scenario A, fullest first (the persona rule's preference order). */
    static final String[] STORIES = {
            "an admission after which they need a new service to leave hospital (reablement, a home-care package, a "
                    + "step-down bed or a care home)",
            "an admission with a delayed discharge",
            "an admission to hospital",
            "a health crisis",
            "anything"};

    /**
     * Traces the lowest population slot whose occupant, at the end of warm-up in scenario A, matches the persona
     * and whose traced years in A tell the fullest story ({@link #STORIES}, in order; mrs-smith must have at least
     * a crisis). Only the first {@value #CANDIDATES} matching slots are considered.
     */
    public static Result byPersona(Scenario a, Scenario b, int replication, Persona persona) throws NotFound {
        Run runA = run(a, replication, -1, persona);
        List<Integer> candidates = new ArrayList<>(runA.starts.keySet());
        if (candidates.isEmpty()) {
            throw new NotFound("--persona " + persona.id + ": no one in " + a.name() + " is " + persona.description
                    + " at the end of warm-up (try a larger --population or another --seed)");
        }
        int best = -1;
        int bestStory = Integer.MAX_VALUE;
        for (int slot : candidates) {
            int story = story(own(runA.events, runA.starts.get(slot)));
            if (story < bestStory) {
                bestStory = story;
                best = slot;
            }
        }
        if (persona.needsCrisis && bestStory > 3) {
            throw new NotFound("--persona " + persona.id + ": none of the " + candidates.size() + " people who are "
                    + persona.description + " at the end of warm-up has a crisis in the traced years in " + a.name()
                    + " (try more --years, a larger --population or another --seed)");
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Chosen as --persona %s: %s at the end of warm-up in %s, like %d%s "
                        + "other people; of these, the lowest population slot whose traced years in %s include %s.",
                persona.id, persona.description, a.name(), candidates.size() - 1,
                candidates.size() == CANDIDATES ? " or more" : "", a.name(), STORIES[bestStory]));
        return finish(a, b, replication, runA, best, notes);
    }

    /** Index in {@link #STORIES} of the fullest story the events tell. */
    static int story(List<EventRecord> events) {
        boolean crisis = false;
        boolean admitted = false;
        boolean delayed = false;
        boolean newService = false;
        for (EventRecord e : events) {
            switch (e.event()) {
                case "crisis" -> crisis = true;
                case "admission" -> admitted = true;
                case "delay" -> delayed = true;
                case "mffd", "deconditioned" -> newService |= switch (String.valueOf(e.reason())) {
                    case "reablement", "new_package", "step_down", "care_home" -> true;
                    default -> false;
                };
                default -> {
                }
            }
        }
        return admitted && newService ? 0 : admitted && delayed ? 1 : admitted ? 2 : crisis ? 3 : 4;
    }

    private static Result finish(Scenario a, Scenario b, int replication, Run runA, int slot, List<String> notes) {
        PersonSnapshot startA = runA.starts.get(slot);
        Run runB = run(b, replication, slot, null);
        PersonSnapshot startB = runB.starts.get(slot);
        if (startB.person() != startA.person() || !startB.alive()) {
            notes.add("Note: the warm-ups of " + a.name() + " and " + b.name() + " differ, so at the end of warm-up "
                    + "population slot " + slot + " holds person " + startB.person()
                    + (startB.alive() ? "" : " (no one alive)") + " in " + b.name() + ": the two columns show "
                    + "different people.");
        }
        return new Result(new Side(a, startA, own(runA.events, startA)), new Side(b, startB, own(runB.events, startB)),
                replication, notes);
    }

    /** The events of the person in start (not of the entrant who takes the slot after their death). */
    private static List<EventRecord> own(List<EventRecord> events, PersonSnapshot start) {
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord e : events) {
            if (e.person() == start.person()) {
                out.add(e);
            }
        }
        return out;
    }

    private static final class Run {
        final Map<Integer, PersonSnapshot> starts = new LinkedHashMap<>();
        final List<EventRecord> events = new ArrayList<>();
    }

    /**
     * One replication of scenario, logging slot (if slot &ge; 0) or, with a persona, the first people matching it
     * at the end of warm-up; records who they are then.
     */
    private static Run run(Scenario scenario, int replication, int slot, Persona persona) {
        Run run = new Run();
        CareSystem system = new CareSystem(scenario, new Rates(scenario), replication, 0, run.events::add, 0);
        if (slot >= 0) {
            system.logOnly(slot);
        } else {
            system.logOnly(new BitSet()); // no one until the persona's matches are known
        }
        system.atEndOfWarmup(sys -> {
            if (persona == null) {
                run.starts.put(slot, sys.snapshot(slot));
                return;
            }
            BitSet matching = new BitSet();
            for (int p = 0; p < sys.populationSize() && run.starts.size() < CANDIDATES; p++) {
                PersonSnapshot s = sys.snapshot(p);
                if (persona.matches(s)) {
                    run.starts.put(p, s);
                    matching.set(p);
                }
            }
            sys.logOnly(matching);
        });
        system.run();
        return run;
    }
}
