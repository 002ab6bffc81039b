package icsim.model;

import icsim.engine.CapacityService;
import icsim.engine.Periods;
import icsim.output.ReplicationResult;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each person's cost to the NHS and the local authority (economic, undiscounted £; self-funders' own fees left
 * out), for the capitated budget of the scale experiment (MODEL.md §8.4). For every measured year it keeps the
 * people alive at its start by cell (cohort x age band on that day) with the sum of their costs over the year (up
 * to death), the sum capped at the stop-loss threshold and the sum of squares. People who enter during a year are
 * counted apart. Integration set-up and running costs and other fixed costs are nobody's activity and are left out.
 *
 * <p>Event costs are added as they happen. Costs that accrue with time (routine primary and community care at the
 * cohort's rate, places held, care-home residence) are kept as cost = base + rate x (t - yearStart): when the rate
 * changes at t, base moves by -change x (t - yearStart). So one number per person is stored, in the person's hot
 * record (the events that cost something touch it anyway: a separate array cost a cache miss per event); the rate
 * in force at the end of a year is read back from the person's state (cohort, care-home residence, places held).
 *
 * <p>Off unless {@link #enable} is called before the run: it costs a few per cent of run time. Off, only the census
 * of age bands is taken at each boundary.
 */
final class PersonCosts {
    private static final byte OUTSIDE = -1;
    private static final String[] BANDS = {"65_74", "75_84", "85_plus"};
    /** Cells: the under-65 groups (one band each), then each 65+ frailty state by age band. */
    static final int CELLS = Cohort.FIRST_OVER65 + (Cohort.COUNT - Cohort.FIRST_OVER65) * BANDS.length;

    private final Population pop;
    private final Periods periods;
    private final double stopLoss;
    private boolean on;
    /** Cell at the start of the current year; OUTSIDE for entrants during it (and empty slots). Null while off. */
    private byte[] cell;
    /** Routine primary and community care, £ a day, by cohort (MODEL.md §3 "Other rules"). */
    private final double[] routine = new double[Cohort.COUNT];
    /** NHS plus local-authority share of a care-home week, £ a day, by type (residential/nursing, LA/self-funded). */
    private final double[] careHome = new double[4];
    private CapacityService[] services = new CapacityService[0];
    private double[] perDay = new double[0];
    private double yearStart;
    /** 0 in warm-up, then the measured year (1-based); past the last when the run has ended. */
    private int year;

    private final int[][] count;
    private final double[][] sum;
    private final double[][] sumCapped;
    private final double[][] sumSquares;
    private final int[] entrants;
    private final double[] entrantCost;

    PersonCosts(CareSystem sys) {
        this.pop = sys.pop;
        this.periods = sys.periods;
        Scenario sc = sys.scenario;
        this.stopLoss = sc.costing().stopLossThreshold();
        Scenario.Costs c = sc.costs();
        for (int k = 0; k < Cohort.COUNT; k++) {
            Scenario.Group g = sys.rates.group(k);
            routine[k] = (g.gpConsultations() * c.gpConsultation() + g.nurseContacts() * c.communityNurseContact()) / Periods.YEAR;
        }
        double fnc = c.nursingCareContributionWeek();
        // residential LA, residential self-funded, nursing LA, nursing self-funded (the NHS pays nursing care for all)
        double[] weekly = {c.careHomeWeekResidential(), 0, c.careHomeWeekNursing(), fnc};
        for (int i = 0; i < 4; i++) {
            careHome[i] = weekly[i] / 7;
        }
        int years = periods.measuredYears();
        count = new int[years][CELLS];
        sum = new double[years][CELLS];
        sumCapped = new double[years][CELLS];
        sumSquares = new double[years][CELLS];
        entrants = new int[years];
        entrantCost = new double[years];
    }

    /** Records from now on (call before the run), costing each holder of the places of services at perDay £ a day. */
    void enable(CapacityService[] costed, double[] costPerDay) {
        on = true;
        cell = new byte[pop.size];
        Arrays.fill(cell, OUTSIDE);
        for (int i = 0; i < costed.length; i++) {
            attach(costed[i], costPerDay[i]);
        }
    }

    private void attach(CapacityService service, double costPerDay) {
        services = Arrays.copyOf(services, services.length + 1);
        perDay = Arrays.copyOf(perDay, perDay.length + 1);
        services[services.length - 1] = service;
        perDay[perDay.length - 1] = costPerDay;
        service.onHolding((p, t, taken) -> rate(p, t, taken ? costPerDay : -costPerDay));
    }

    /** An event's cost to p. */
    void post(int p, double amount) {
        if (!on) {
            return;
        }
        pop.costBase(p, pop.costBase(p) + amount);
    }

    /** p's cost per day changes by change from t. */
    void rate(int p, double t, double change) {
        pop.costBase(p, pop.costBase(p) - change * (t - yearStart));
    }

    void cohortChanged(int p, double t, int from, int to) {
        if (!on) {
            return;
        }
        rate(p, t, routine[to] - routine[from]);
    }

    /** p moves into a care home (flags set) or leaves it (flags still set) at t. */
    void careHome(int p, double t, boolean enters) {
        if (!on) {
            return;
        }
        double r = careHome[Pathway.careHomeType(pop, p)];
        rate(p, t, enters ? r : -r);
    }

    /** A person starts in slot p at t (cohort set); entrant: replaces someone who died. */
    void arrive(int p, double t, boolean entrant) {
        if (!on) {
            return;
        }
        pop.costBase(p, 0);
        cell[p] = OUTSIDE;
        rate(p, t, routine[pop.cohort(p)]);
        if (entrant && measuring()) {
            entrants[year - 1]++;
        }
    }

    /** p dies at t in cohort c, every place already released: their year's cost is complete. */
    void leave(int p, double t, int c) {
        if (!on) {
            return;
        }
        rate(p, t, -routine[c]);
        book(p, pop.costBase(p));
        pop.costBase(p, 0);
        cell[p] = OUTSIDE;
    }

    private boolean measuring() {
        return year >= 1 && year <= count.length;
    }

    private void book(int p, double cost) {
        if (!measuring()) {
            return;
        }
        int y = year - 1;
        int c = cell[p];
        if (c == OUTSIDE) {
            entrantCost[y] += cost;
            return;
        }
        sum[y][c] += cost;
        sumCapped[y][c] += Math.min(cost, stopLoss);
        sumSquares[y][c] += cost * cost;
    }

    /**
     * Boundary k at t = end of warm-up + k years: closes measured year k (k >= 1) and opens year k + 1 with the
     * cells of the people alive now. Runs before anything else at that instant, as the ledger's periods split.
     * The same pass counts the living by age band into census (if not null): one pass over the population, which
     * does not fit in cache, instead of two.
     */
    void boundary(int k, double t, double[] census) {
        if (!on) {
            countBands(t, census);
            return;
        }
        boolean close = measuring();
        boolean reset = t > 0; // with no warm-up, the costs of setting up day 0 belong to year 1
        int next = k + 1;
        boolean open = next <= count.length;
        double days = t - yearStart;
        if (close) {
            // the days of places held now, service by service (few holders), before the pass over everyone
            for (int i = 0; i < services.length; i++) {
                double held = perDay[i] * days;
                services[i].forEachHolder(p -> pop.costBase(p, pop.costBase(p) + held));
            }
        }
        int y = year - 1;
        for (int p = 0; p < pop.size; p++) {
            if (pop.place(p) == Place.DEAD) {
                cell[p] = OUTSIDE; // booked at death
                continue;
            }
            int c = pop.cohort(p);
            int band = Cohort.isOver65(c) ? Rates.ageBand(pop.age(p, t)) : -1;
            if (census != null) {
                census[band + 1]++;
            }
            if (close) {
                double r = routine[c];
                if (pop.has(p, Population.RESIDENT)) {
                    r += careHome[Pathway.careHomeType(pop, p)];
                }
                double cost = pop.costBase(p) + r * days;
                int from = cell[p];
                if (from == OUTSIDE) {
                    entrantCost[y] += cost;
                } else {
                    sum[y][from] += cost;
                    sumCapped[y][from] += Math.min(cost, stopLoss);
                    sumSquares[y][from] += cost * cost;
                }
            }
            if (reset) {
                pop.costBase(p, 0);
            }
            if (open) {
                int to = band < 0 ? c : Cohort.FIRST_OVER65 + (c - Cohort.FIRST_OVER65) * BANDS.length + band;
                cell[p] = (byte) to;
                count[next - 1][to]++;
            }
        }
        yearStart = t;
        year = next;
    }

    /** The living by age band (under 65, 65-74, 75-84, 85+) into census, if not null. */
    private void countBands(double t, double[] census) {
        if (census == null) {
            return;
        }
        for (int p = 0; p < pop.size; p++) {
            if (pop.place(p) != Place.DEAD) {
                census[pop.over65(p) ? 1 + Rates.ageBand(pop.age(p, t)) : 0]++;
            }
        }
    }

    static List<String> cellLabels() {
        List<String> labels = new ArrayList<>();
        for (Cohort c : Cohort.values()) {
            if (!Cohort.isOver65(c.ordinal())) {
                labels.add(c.label());
            } else {
                for (String band : BANDS) {
                    labels.add(c.label() + "_" + band);
                }
            }
        }
        return labels;
    }

    /** The capitation data; null when off. */
    ReplicationResult.Capitation result() {
        if (!on) {
            return null;
        }
        return new ReplicationResult.Capitation(cellLabels(), stopLoss, count, sum, sumCapped, sumSquares, entrants,
                entrantCost);
    }
}
