package icsim.model;

import icsim.engine.Periods;
import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Integration;

/**
 * The integration mechanisms of a scenario as the pathway uses them (MODEL.md §5): whether each acts on a
 * given event, and the relative risks and delays in force at a time. Integration starts at the end of warm-up
 * and matures as m(t) = min(1, (t - start) / maturity.years). A mechanism that is off always gives the
 * fragmented value, exactly, so switching one on with zero effect changes nothing. The methods that take a
 * person p act only on episodes that integration.coverage covers ({@link Coverage}); case-finding enrols only
 * covered people.
 */
final class Mechanisms {
    final Integration config;
    private final Coverage coverage;
    private final double start;
    private final double maturityDays;
    private final boolean[] routeOpened = new boolean[Pathway.CONTACTS.length];
    private final boolean[] baseRoute = new boolean[Pathway.CONTACTS.length];

    Mechanisms(Scenario s, Periods periods, Coverage coverage) {
        this.config = s.integration();
        this.coverage = coverage;
        this.start = periods.warmupDays();
        this.maturityDays = config.maturity().years() * Periods.YEAR;
        for (int i = 0; i < Pathway.CONTACTS.length; i++) {
            baseRoute[i] = s.stepUp().referralRoutes().contains(Pathway.CONTACTS[i]);
            routeOpened[i] = config.referralRoutes().enabled() && config.referralRoutes().routes().contains(Pathway.CONTACTS[i]);
        }
    }

    /** Maturity at time t: 0 before integration starts, rising linearly to 1. */
    double maturity(double t) {
        if (t < start) {
            return 0;
        }
        return maturityDays <= 0 ? 1 : Math.min(1, (t - start) / maturityDays);
    }

    /** Whether an enabled mechanism acts on an event of p's episode at t, given the event's pre-drawn uniform. */
    boolean acts(boolean enabled, int p, double u, double t) {
        return enabled && u < maturity(t) && coverage.coversEpisode(p);
    }

    /** As {@link #acts(boolean, int, double, double)} for a mechanism that at full maturity acts on a share of events. */
    boolean acts(boolean enabled, int p, double u, double share, double t) {
        return enabled && u < share * maturity(t) && coverage.coversEpisode(p);
    }

    /** A relative risk in force at t for p's episode: 1 - m (1 - rr) if the mechanism is on and covers it, else 1. */
    double rr(boolean enabled, int p, double rr, double t) {
        return enabled && coverage.coversEpisode(p) ? 1 - maturity(t) * (1 - rr) : 1;
    }

    /**
     * A relative risk in force at t for a state a covered episode or enrolment gave a person (case management of
     * the enrolled, follow-up after a covered discharge): coverage was checked when it began.
     */
    double rr(boolean enabled, double rr, double t) {
        return enabled ? 1 - maturity(t) * (1 - rr) : 1;
    }

    /** A delay of p's episode moving linearly from its fragmented to its integrated value as the mechanism matures. */
    double delay(boolean enabled, int p, double fragmented, double integrated, double t) {
        return enabled && coverage.coversEpisode(p) ? fragmented + maturity(t) * (integrated - fragmented) : fragmented;
    }

    /** Whether a contact may refer to step-up without integration. */
    boolean standingRoute(int contact) {
        return baseRoute[contact];
    }

    /** Whether a contact may refer p to step-up: a standing route, or one integration has opened (per event). */
    boolean canRefer(int contact, int p, double u, double t) {
        return baseRoute[contact] || routeOpened[contact] && u < maturity(t) && coverage.coversEpisode(p);
    }

    boolean caseManagement() {
        return config.caseManagement().enabled();
    }

    /** First day of integration: set-up costs, enrolment and monthly running costs start here. */
    double start() {
        return start;
    }
}
