package icsim.experiment;

import icsim.engine.Periods;
import icsim.model.PersonSnapshot;
import icsim.output.Csv;
import icsim.output.EventRecord;
import icsim.scenario.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A traced person's events told in plain words (icsim trace): each event as a sentence a lay audience can
 * follow, the two scenarios side by side in two columns aligned by time, and a closing summary per scenario.
 * The event codes stay in the CSV.
 */
public final class JourneyStory {
    /** Width of the first column (day and date, or the summary's labels). */
    static final int TIME_WIDTH = 30;
    static final int MIN_WIDTH = 72;
    static final String CSV_HEADER = "side,scenario,time,day,when,replication,person,cohort,age,event,place,reason,"
            + "description";
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    /** Delayed-transfer reasons in the model's order, with the words the summary uses. */
    private static final Map<String, String> DELAYS = delays();

    private JourneyStory() {
    }

    // ------------------------------------------------------------------------------------ one side

    /**
     * One line of the story.
     *
     * @param index  the event's position in the side's event list; -1 for the opening and closing lines
     * @param shown  false for events told as part of another line (a discharge names the service it starts)
     */
    record Line(double time, int index, String text, boolean shown) {
    }

    /** What one scenario did for the person over the traced years. */
    static final class Summary {
        final Map<String, Double> daysIn = new LinkedHashMap<>();
        final Map<String, Double> delayed = new LinkedHashMap<>();
        final Map<String, Integer> services = new LinkedHashMap<>();
        int crises;
        int aeAttendances;
        int admissions;
        double cost;
        double aliveDays;
        double deathTime = Double.NaN;
        String deathPlace;
        String endPlace;

        double days(String... places) {
            double d = 0;
            for (String p : places) {
                d += daysIn.getOrDefault(p, 0.0);
            }
            return d;
        }

        double delayedDays() {
            return delayed.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** Tells one side's events in order, keeping track of where the person is and what they have had. */
    static final class Story {
        final List<Line> lines = new ArrayList<>();
        final Summary summary = new Summary();
        private final Scenario.Costs costs;
        private String place;
        private double placeSince;
        private String contact = "";
        private String need = "";
        private double hospitalSince = Double.NaN;
        private double aeSince = Double.NaN;
        private double stayDelayed;
        private String delay;
        private double delaySince;
        private String d2aPlace;

        Story(PersonSnapshot start, List<EventRecord> events, double endDay, Scenario.Costs costs) {
            this.costs = costs;
            place = start.place();
            placeSince = 0;
            if ("ae".equals(place) || "acute_bed".equals(place)) {
                hospitalSince = 0;
                aeSince = 0;
            }
            if (start.delayReason() != null) {
                delay = start.delayReason();
                delaySince = 0;
            }
            lines.add(new Line(0, -1, "Start of the traced years: " + startWords(start), true));
            for (int i = 0; i < events.size(); i++) {
                EventRecord e = events.get(i);
                // a wait that ends at once (a place was free) is no wait: the next line tells what happened
                boolean instant = "delay".equals(e.event()) && i + 1 < events.size()
                        && events.get(i + 1).time() - e.time() < 1e-9;
                boolean shown = !partOfDischarge(e) && !instant;
                lines.add(new Line(e.time(), i, tell(e), shown));
            }
            double end = Double.isNaN(summary.deathTime) ? endDay : summary.deathTime;
            if (Double.isNaN(summary.deathTime)) {
                closeDelay(endDay);
                summary.endPlace = place;
                moveTo(place, endDay);
                lines.add(new Line(endDay, -1, "End of the traced years: alive, " + placeWords(place), true));
            }
            summary.aliveDays = end;
            summary.cost += summary.days("acute_bed") * costs.acuteBedDay() + summary.days("step_up") * costs.stepUpDay()
                    + summary.days("ic_bed") * costs.icBedDay();
        }

        /** Service starts that happen as the person leaves hospital: the discharge line tells them. */
        private boolean partOfDischarge(EventRecord e) {
            return "acute_bed".equals(place) && switch (e.event()) {
                case "reablement_start", "package_start", "d2a_start" -> true;
                case "care_home_admission" -> "from_hospital".equals(e.reason());
                default -> false;
            };
        }

        private void moveTo(String to, double t) {
            summary.daysIn.merge(place, t - placeSince, Double::sum);
            place = to;
            placeSince = t;
        }

        private void service(String name) {
            summary.services.merge(name, 1, Integer::sum);
        }

        private void closeDelay(double t) {
            if (delay != null) {
                summary.delayed.merge(delay, t - delaySince, Double::sum);
                stayDelayed += t - delaySince;
                delay = null;
            }
        }

        private void leaveHospital(double t, String to) {
            closeDelay(t);
            moveTo(to, t);
            hospitalSince = Double.NaN;
        }

        private String tell(EventRecord e) {
            double t = e.time();
            String r = e.reason() == null ? "" : e.reason();
            switch (e.event()) {
                case "crisis" -> {
                    summary.crises++;
                    boolean resolved = r.startsWith("resolved_");
                    contact = resolved ? r.substring("resolved_".length()) : r;
                    summary.cost += contactCost(contact);
                    String where = "care_home".equals(place) ? "Becomes unwell in the care home" : "Becomes unwell at home";
                    if (resolved) {
                        return where + "; " + switch (contact) {
                            case "gp" -> "the GP sees them and it is managed at home";
                            case "nhs111" -> "calls NHS 111 and is looked after at home";
                            case "ambulance" -> "999 is called; the ambulance crew treat them on the spot";
                            case "case_manager" -> "their case manager sorts it out at home";
                            default -> "managed where they are (" + contact + ")";
                        };
                    }
                    return where + "; " + switch (contact) {
                        case "gp" -> "sees the GP, who sends them on";
                        case "nhs111" -> "calls NHS 111, who send them on";
                        case "ambulance" -> "999 is called";
                        case "case_manager" -> "their case manager is called";
                        default -> "first contact: " + contact;
                    };
                }
                case "ae_attendance" -> {
                    summary.aeAttendances++;
                    summary.cost += costs.aeAttendance();
                    String arrive = switch (contact) {
                        case "ambulance" -> "Taken to A&E by ambulance";
                        case "gp" -> "Goes to A&E, sent by the GP";
                        case "nhs111" -> "Goes to A&E, sent by NHS 111";
                        case "case_manager" -> "Sent to A&E by the case manager";
                        default -> "Goes to A&E";
                    };
                    return switch (r) {
                        case "sent_home" -> arrive + "; treated and sent home";
                        case "admitted" -> {
                            hospitalSince = t;
                            aeSince = t;
                            stayDelayed = 0;
                            moveTo("ae", t);
                            yield arrive + "; the doctors decide to admit";
                        }
                        case "frailty_team_to_step_up" -> arrive + "; the frailty team arranges urgent care at home "
                                + "instead of admission";
                        default -> arrive + " (" + r + ")";
                    };
                }
                case "boarding" -> {
                    return "No ward bed free: waits in A&E for a bed";
                }
                case "diverted" -> {
                    moveTo("care_home".equals(place) ? "care_home" : "home", t);
                    hospitalSince = Double.NaN;
                    return "No bed free: admitted to another hospital (outside the model)";
                }
                case "admission" -> {
                    summary.admissions++;
                    summary.cost += costs.admission();
                    if (Double.isNaN(hospitalSince)) {
                        hospitalSince = t;
                        stayDelayed = 0;
                    }
                    String wait = Double.isNaN(aeSince) ? "" : " after " + duration(t - aeSince) + " in A&E";
                    aeSince = Double.NaN;
                    moveTo("acute_bed", t);
                    return ("same_day".equals(r) ? "Admitted for a short (same-day) stay" : "Admitted to a hospital ward")
                            + wait;
                }
                case "mffd" -> {
                    need = r;
                    return "Medically fit to leave hospital; " + needWords(r);
                }
                case "delay" -> {
                    closeDelay(t);
                    delay = r;
                    delaySince = t;
                    return delayWords(r, need);
                }
                case "deconditioned" -> {
                    need = r;
                    return "Has lost strength and independence while waiting (deconditioning): now "
                            + needWords(r).replaceFirst("^can ", "could ");
                }
                case "discharge" -> {
                    double stay = t - (Double.isNaN(hospitalSince) ? 0 : hospitalSince);
                    closeDelay(t);
                    double waited = stayDelayed;
                    String where = switch (r) {
                        case "home" -> {
                            leaveHospital(t, "home");
                            yield "Discharged home";
                        }
                        case "restart" -> {
                            leaveHospital(t, "home");
                            yield "Discharged home; their usual care at home restarts";
                        }
                        case "reablement" -> {
                            leaveHospital(t, "home");
                            service("reablement");
                            yield "Discharged home with reablement (a few weeks of help to regain independence)";
                        }
                        case "new_package" -> {
                            leaveHospital(t, "home");
                            service("home-care package");
                            yield "Discharged home with a new home-care package";
                        }
                        case "step_down" -> {
                            leaveHospital(t, "ic_bed");
                            service("step-down bed");
                            yield "Discharged to a step-down bed (intermediate care) to recover";
                        }
                        case "care_home" -> {
                            leaveHospital(t, "care_home");
                            service("care home (permanent)");
                            yield "Discharged to a care home, to live there permanently";
                        }
                        case "return_to_care_home" -> {
                            leaveHospital(t, "care_home");
                            yield "Discharged back to their care home";
                        }
                        case "d2a" -> {
                            boolean atHome = "home".equals(d2aPlace);
                            boolean stepDown = d2aPlace == null;
                            leaveHospital(t, atHome ? "home" : "ic_bed");
                            service("discharge to assess");
                            if (stepDown) {
                                service("step-down bed");
                            }
                            String how = stepDown ? "to a step-down bed straight away"
                                    : atHome ? "home with interim support, to be assessed there"
                                    : "to an intermediate-care bed, to be assessed there for a care home";
                            d2aPlace = null;
                            yield "Discharged to assess: leaves hospital as soon as fit, " + how;
                        }
                        default -> {
                            leaveHospital(t, "home");
                            yield "Discharged (" + r + ")";
                        }
                    };
                    return where + ", after " + duration(stay) + " in hospital"
                            + (waited > 1e-9 ? " (" + duration(waited) + " of it medically fit, waiting)" : "");
                }
                case "d2a_start" -> {
                    if ("acute_bed".equals(place)) {
                        d2aPlace = e.place();
                    }
                    return "Assessed " + ("ic_bed".equals(e.place()) ? "in an intermediate-care bed" : "at home")
                            + " for " + serviceWords(r);
                }
                case "step_up_start" -> {
                    service("urgent community care");
                    moveTo("step_up", t);
                    return "Urgent community care at home (step-up / virtual ward)"
                            + ("instead_of_admission".equals(r) ? ", instead of going into hospital" : "");
                }
                case "step_up_end" -> {
                    if ("escalated_to_admission".equals(r)) {
                        moveTo("ae", t);
                        hospitalSince = t;
                        aeSince = t;
                        stayDelayed = 0;
                        return "Too unwell to stay at home: the community team sends them into hospital";
                    }
                    moveTo("home", t);
                    return "Urgent community care ends; recovered at home";
                }
                case "step_down_end" -> {
                    moveTo("home", t);
                    return "Leaves the step-down bed for home" + switch (r) {
                        case "reablement" -> ", needing reablement";
                        case "new_package" -> ", needing a home-care package";
                        default -> "";
                    };
                }
                case "reablement_start" -> {
                    if (!"acute_bed".equals(place)) {
                        service("reablement");
                    }
                    return "Reablement starts (a few weeks of help at home to regain independence)";
                }
                case "package_start" -> {
                    if (!"acute_bed".equals(place)) {
                        service("home-care package");
                    }
                    return "Home-care package starts: carers visit at home";
                }
                case "waiting" -> {
                    return "Waiting at home for " + serviceWords(r);
                }
                case "community_referral" -> {
                    return "Referred from the community for " + serviceWords(r);
                }
                case "care_home_admission" -> {
                    if ("acute_bed".equals(place)) {
                        return "Moves permanently into a care home, from hospital";
                    }
                    service("care home (permanent)");
                    String from = "from_ic".equals(r) ? ", from the intermediate-care bed" : "";
                    moveTo("care_home", t);
                    return "Moves permanently into a care home" + from;
                }
                case "frailty_change" -> {
                    return "Frailty worsens: now " + frailtyWords(r);
                }
                case "case_management_enrolment" -> {
                    service("case management");
                    return "Picked out by case-finding: a case manager now keeps an eye on them";
                }
                case "death" -> {
                    closeDelay(t);
                    String where = "in_hospital".equals(r) || "ae".equals(place) || "acute_bed".equals(place)
                            ? "in hospital" : switch (place) {
                        case "care_home" -> "in the care home";
                        case "ic_bed" -> "in the step-down bed";
                        case "step_up" -> "at home, under urgent community care";
                        default -> "at home";
                    };
                    summary.deathTime = t;
                    summary.deathPlace = where;
                    moveTo("dead", t);
                    return "Dies " + where;
                }
                default -> {
                    return e.event() + (r.isEmpty() ? "" : " (" + r + ")");
                }
            }
        }

        private double contactCost(String contact) {
            return switch (contact) {
                case "gp" -> costs.gpConsultation();
                case "nhs111" -> costs.nhs111Call();
                case "ambulance" -> costs.ambulanceSeeAndTreat();
                default -> 0;
            };
        }
    }

    // ---------------------------------------------------------------------------------- words

    static String placeWords(String place) {
        return switch (place) {
            case "home" -> "at home";
            case "ae" -> "in A&E";
            case "acute_bed" -> "in a hospital bed";
            case "step_up" -> "at home with urgent community care";
            case "ic_bed" -> "in a step-down (intermediate-care) bed";
            case "care_home" -> "in a care home";
            case "dead" -> "dead";
            default -> place;
        };
    }

    static String needWords(String need) {
        return switch (need) {
            case "home" -> "can go home";
            case "restart" -> "can go home once their usual care at home restarts";
            case "reablement" -> "needs reablement (a few weeks of help at home to regain independence)";
            case "new_package" -> "needs a new home-care package";
            case "step_down" -> "needs a step-down bed (intermediate care) to recover";
            case "care_home" -> "needs a care-home place";
            case "return_to_care_home" -> "can go back to their care home";
            default -> "needs " + need;
        };
    }

    static String delayWords(String reason, String need) {
        return switch (reason) {
            case "assessment" -> "Medically fit to leave, waiting for a social-care assessment";
            case "handoff" -> "restart".equals(need)
                    ? "Medically fit to leave, waiting for their usual care at home to be restarted"
                    : "Medically fit to leave, waiting for the hand-off between NHS and council (funding approval, "
                    + "paperwork)";
            case "awaiting_package" -> "Medically fit to leave, waiting for a home-care package";
            case "awaiting_reablement" -> "Medically fit to leave, waiting for a reablement place";
            case "awaiting_ic_bed" -> "Medically fit to leave, waiting for a step-down bed";
            case "awaiting_care_home" -> "Medically fit to leave, waiting for a care-home place";
            case "weekend_discharge" -> "Ready to go, but it is the weekend and few discharges happen: waits for "
                    + "Monday";
            default -> "Medically fit to leave, waiting (" + reason + ")";
        };
    }

    static String serviceWords(String service) {
        return switch (service) {
            case "home_care", "new_package" -> "a home-care package";
            case "reablement" -> "reablement";
            case "care_homes", "care_home" -> "a care-home place";
            case "ic_beds", "step_down" -> "a step-down bed";
            default -> service;
        };
    }

    static String frailtyWords(String group) {
        return switch (group) {
            case "over65_fit" -> "fit";
            case "over65_mild" -> "mildly frail";
            case "over65_moderate" -> "moderately frail";
            case "over65_severe" -> "severely frail";
            default -> group;
        };
    }

    private static Map<String, String> delays() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("assessment", "for an assessment");
        m.put("handoff", "for funding & paperwork");
        m.put("awaiting_package", "for a home-care package");
        m.put("awaiting_reablement", "for reablement");
        m.put("awaiting_ic_bed", "for a step-down bed");
        m.put("awaiting_care_home", "for a care-home place");
        m.put("weekend_discharge", "for a weekday discharge");
        return m;
    }

    /** The person at the end of warm-up, for the header. */
    static String describe(PersonSnapshot s) {
        List<String> parts = new ArrayList<>();
        if (s.over65()) {
            parts.add(String.format(Locale.ROOT, "aged %d", (int) Math.floor(s.age())));
            parts.add(new String[]{"fit (no frailty)", "mild frailty", "moderate frailty", "severe frailty"}[s.frailty()]);
            parts.add(s.livesAlone() ? "lives alone" : "does not live alone");
        } else {
            parts.add("under 65");
            parts.add("under65_ltc".equals(s.group()) ? "with a long-term condition" : "without a long-term condition");
        }
        parts.add(placeWords(s.place()));
        parts.add(s.careHomeResident() ? "a care-home resident" : "not a care-home resident");
        if (s.homeCarePackage()) {
            parts.add("has a home-care package");
        }
        if (s.inReablement()) {
            parts.add("receiving reablement");
        }
        if (s.caseManaged()) {
            parts.add("case-managed");
        }
        if (s.delayReason() != null) {
            parts.add("medically fit, " + DELAYS.getOrDefault(s.delayReason(), s.delayReason()).replaceFirst("^for", "waiting for"));
        }
        return String.join(", ", parts);
    }

    private static String startWords(PersonSnapshot s) {
        String where = placeWords(s.place());
        List<String> extra = new ArrayList<>();
        if (s.delayReason() != null) {
            extra.add("medically fit, waiting " + DELAYS.getOrDefault(s.delayReason(), s.delayReason()));
        }
        if (s.homeCarePackage()) {
            extra.add("with a home-care package");
        }
        if (s.inReablement()) {
            extra.add("receiving reablement");
        }
        if (s.caseManaged()) {
            extra.add("case-managed");
        }
        return where + (extra.isEmpty() ? "" : ", " + String.join(", ", extra));
    }

    /** "7 hours", "1 day", "12 days" (days rounded to whole days from a day up). */
    static String duration(double days) {
        if (days < 1) {
            long hours = Math.max(1, Math.round(days * 24));
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long d = Math.round(days);
        return d + (d == 1 ? " day" : " days");
    }

    /**
     * The model's calendar for time t (days since the end of warm-up): the measured year, weekday, date and
     * clock time. Day 0 of the simulation (the start of warm-up) is Monday 1 January; years have 365 days.
     */
    static String when(double t, double warmupDays) {
        double s = t + warmupDays;
        long day = (long) Math.floor(s + 1e-9);
        int dayOfYear = (int) (day % 365);
        int month = 0;
        while (dayOfYear >= MONTH_DAYS[month]) {
            dayOfYear -= MONTH_DAYS[month];
            month++;
        }
        int minutes = (int) Math.floor((s - Math.floor(s + 1e-9)) * 24 * 60 + 1e-6);
        minutes = Math.max(0, Math.min(minutes, 24 * 60 - 1));
        int year = (int) Math.floor(t / Periods.YEAR + 1e-12) + 1;
        return String.format(Locale.ROOT, "year %d, %s %d %s %02d:%02d", year, WEEKDAYS[(int) (day % 7)],
                dayOfYear + 1, MONTHS[month], minutes / 60, minutes % 60);
    }

    private static String timeCell(double t, double warmupDays) {
        return String.format(Locale.ROOT, "%5d %s", (long) Math.floor(t + 1e-9), when(t, warmupDays));
    }

    // ----------------------------------------------------------------------------------- the text

    private static double endDay(Scenario s) {
        return s.run().years() * Periods.YEAR;
    }

    /** The whole trace as terminal text, width columns wide. */
    public static String text(PersonTrace.Result r, String fileA, String fileB, int width) {
        Scenario sa = r.a().scenario();
        Scenario sb = r.b().scenario();
        Story a = new Story(r.a().start(), r.a().events(), endDay(sa), sa.costs());
        Story b = new Story(r.b().start(), r.b().events(), endDay(sb), sb.costs());
        double warmup = sa.run().warmupYears() * Periods.YEAR;
        int col = (width - TIME_WIDTH - 6) / 2;
        StringBuilder out = new StringBuilder();
        paragraph(out, "A person's journey through two care systems (icsim trace)", width);
        paragraph(out, "A = " + sa.name() + " (" + fileA + ")", width);
        paragraph(out, "B = " + sb.name() + " (" + fileB + ")", width);
        paragraph(out, String.format(Locale.ROOT, "Replication %d, seed %d, %,d people: %s traced after %s of "
                        + "warm-up. Both systems see the same person with the same health events (common random "
                        + "numbers) until a difference between the systems changes them.", r.replication(),
                sa.run().seed(), sa.population().size(), years(sa.run().years()), years(sa.run().warmupYears())), width);
        out.append('\n');
        PersonSnapshot who = r.a().start();
        paragraph(out, "Who: person " + who.person() + " (population slot " + who.slot() + "). At the start of the "
                + "traced years (the end of warm-up): " + describe(who) + String.format(Locale.ROOT,
                "; group %s; personal crisis-risk multiplier %.2f (1 = the average at entry).", who.group(), who.risk()), width);
        for (String note : r.notes()) {
            paragraph(out, note, width);
        }
        out.append('\n');
        String rule = "-".repeat(TIME_WIDTH) + "-+-" + "-".repeat(col) + "-+-" + "-".repeat(col) + "\n";
        row(out, List.of("  day when (model calendar)"), List.of(clip("A: " + sa.name(), col)),
                List.of(clip("B: " + sb.name(), col)), col);
        out.append(rule);
        int firstDifference = firstDifference(r);
        boolean marked = false;
        List<Line> la = shown(a.lines);
        List<Line> lb = shown(b.lines);
        int i = 0;
        int j = 0;
        while (i < la.size() || j < lb.size()) {
            Line x = i < la.size() ? la.get(i) : null;
            Line y = j < lb.size() ? lb.get(j) : null;
            if (x != null && y != null && Math.abs(x.time() - y.time()) > 1e-9) {
                if (x.time() < y.time()) {
                    y = null;
                } else {
                    x = null;
                }
            }
            if (!marked && ((x != null && differs(x, firstDifference)) || (y != null && differs(y, firstDifference)))) {
                marked = true;
                String m = " from here the two systems differ ";
                int dashes = Math.max(2, (width - m.length()) / 2);
                out.append("~".repeat(dashes)).append(m).append("~".repeat(Math.max(2, width - dashes - m.length())))
                        .append('\n');
            }
            double t = x != null ? x.time() : y.time();
            boolean closing = (x != null && x.index() < 0 && x.time() > 0) || (y != null && y.index() < 0 && y.time() > 0);
            String time = closing ? String.format(Locale.ROOT, "%5d end of year %d", (long) Math.round(t),
                    Math.round(t / Periods.YEAR)) : timeCell(t, warmup);
            row(out, wrap(time, TIME_WIDTH), wrap(x == null ? "" : x.text(), col), wrap(y == null ? "" : y.text(), col),
                    col);
            if (x != null) {
                i++;
            }
            if (y != null) {
                j++;
            }
        }
        if (!marked) {
            paragraph(out, "The two systems gave this person exactly the same journey.", width);
        }
        out.append('\n');
        summary(out, a.summary, b.summary, sa, sb, col);
        out.append('\n');
        paragraph(out, "* Crisis contacts (GP, NHS 111, ambulance), A&E, admissions, hospital bed days, urgent community "
                + "care, step-down beds and reablement, at the scenario's unit costs; home-care hours, care-home fees "
                + "and routine GP and nurse visits are not counted.", width);
        paragraph(out, "Times are days since the end of warm-up; the dates are the model's calendar (the warm-up starts "
                + "on Monday 1 January; years of 365 days), which sets the season and the weekends.", width);
        return out.toString();
    }

    /**
     * Whether line l comes at or after the first difference: an event from the first differing one on, the closing
     * line if the other side has events this one lacks, any line if the two sides follow different people.
     */
    private static boolean differs(Line l, int firstDifference) {
        if (firstDifference < 0) {
            return false;
        }
        if (firstDifference == Integer.MAX_VALUE) {
            return true;
        }
        return l.index() >= 0 ? l.index() >= firstDifference : l.time() > 0;
    }

    /**
     * Index of the first event that differs between the two sides (time, event, place or reason), the length of
     * the shorter list if one is a prefix of the other, -1 if they are the same, Integer.MAX_VALUE if the two
     * sides follow different people.
     */
    static int firstDifference(PersonTrace.Result r) {
        List<EventRecord> a = r.a().events();
        List<EventRecord> b = r.b().events();
        if (r.a().start().person() != r.b().start().person()) {
            return Integer.MAX_VALUE;
        }
        int n = Math.min(a.size(), b.size());
        for (int k = 0; k < n; k++) {
            if (!same(a.get(k), b.get(k))) {
                return k;
            }
        }
        return a.size() == b.size() ? -1 : n;
    }

    static boolean same(EventRecord x, EventRecord y) {
        return Math.abs(x.time() - y.time()) < 1e-9 && x.event().equals(y.event())
                && java.util.Objects.equals(x.place(), y.place()) && java.util.Objects.equals(x.reason(), y.reason());
    }

    private static List<Line> shown(List<Line> lines) {
        return lines.stream().filter(Line::shown).toList();
    }

    private static void summary(StringBuilder out, Summary a, Summary b, Scenario sa, Scenario sb, int col) {
        String rule = "-".repeat(TIME_WIDTH) + "-+-" + "-".repeat(col) + "-+-" + "-".repeat(col) + "\n";
        row(out, List.of(clip("Over the " + years(sa.run().years()), TIME_WIDTH)), List.of(clip("A: " + sa.name(), col)),
                List.of(clip("B: " + sb.name(), col)), col);
        out.append(rule);
        summaryRow(out, "Days in hospital", days(a.days("ae", "acute_bed")), days(b.days("ae", "acute_bed")), col);
        if (a.days("ae", "acute_bed") > 0 || b.days("ae", "acute_bed") > 0) {
            summaryRow(out, "  medically fit, waiting", days(a.delayedDays()), days(b.delayedDays()), col);
        }
        for (Map.Entry<String, String> e : DELAYS.entrySet()) {
            double da = a.delayed.getOrDefault(e.getKey(), 0.0);
            double db = b.delayed.getOrDefault(e.getKey(), 0.0);
            if (da > 0 || db > 0) {
                summaryRow(out, "    " + e.getValue(), days(da), days(db), col);
            }
        }
        if (a.days("ic_bed") > 0 || b.days("ic_bed") > 0) {
            summaryRow(out, "Days in a step-down bed", days(a.days("ic_bed")), days(b.days("ic_bed")), col);
        }
        if (a.days("care_home") > 0 || b.days("care_home") > 0) {
            summaryRow(out, "Days in a care home", days(a.days("care_home")), days(b.days("care_home")), col);
        }
        summaryRow(out, "Days at home", days(a.days("home", "step_up")) + " of " + days(a.aliveDays) + " days alive",
                days(b.days("home", "step_up")) + " of " + days(b.aliveDays) + " days alive", col);
        summaryRow(out, "Health crises", Integer.toString(a.crises), Integer.toString(b.crises), col);
        summaryRow(out, "A&E attendances", Integer.toString(a.aeAttendances), Integer.toString(b.aeAttendances), col);
        summaryRow(out, "Hospital admissions", Integer.toString(a.admissions), Integer.toString(b.admissions), col);
        summaryRow(out, "Services received", services(a), services(b), col);
        summaryRow(out, "Urgent & hospital care cost*", money(a.cost), money(b.cost), col);
        summaryRow(out, "At the end", ending(a, sa), ending(b, sb), col);
    }

    private static void summaryRow(StringBuilder out, String label, String a, String b, int col) {
        row(out, wrap(label, TIME_WIDTH), wrap(a, col), wrap(b, col), col);
    }

    private static String services(Summary s) {
        if (s.services.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        s.services.forEach((k, v) -> parts.add(v == 1 ? k : k + " ×" + v));
        return String.join(", ", parts);
    }

    private static String ending(Summary s, Scenario sc) {
        if (Double.isNaN(s.deathTime)) {
            return "alive, " + placeWords(s.endPlace);
        }
        return "died " + s.deathPlace + " on day " + (long) Math.floor(s.deathTime) + " ("
                + when(s.deathTime, sc.run().warmupYears() * Periods.YEAR).replaceFirst(" \\d\\d:\\d\\d$", "") + ")";
    }

    private static String days(double d) {
        return d == 0 ? "0" : d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "£%,.0f", v);
    }

    private static String years(double y) {
        String n = y == Math.rint(y) ? Long.toString((long) y) : String.format(Locale.ROOT, "%.2f", y);
        return n + (y == 1 ? " year" : " years");
    }

    private static void paragraph(StringBuilder out, String text, int width) {
        for (String line : wrap(text, width)) {
            out.append(line).append('\n');
        }
    }

    private static void row(StringBuilder out, List<String> time, List<String> a, List<String> b, int col) {
        int n = Math.max(time.size(), Math.max(a.size(), b.size()));
        for (int k = 0; k < n; k++) {
            String line = pad(k < time.size() ? time.get(k) : "", TIME_WIDTH) + " | " + pad(k < a.size() ? a.get(k) : "", col)
                    + " | " + (k < b.size() ? b.get(k) : "");
            out.append(stripRight(line)).append('\n');
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String stripRight(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Word-wraps text to lines of at most width characters (a longer word is cut). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        StringBuilder cur = new StringBuilder();
        String indent = text.startsWith(" ") ? text.substring(0, text.length() - text.stripLeading().length()) : "";
        for (String word : text.strip().split(" +")) {
            while (word.length() > width - indent.length()) {
                if (cur.length() > 0) {
                    lines.add(cur.toString());
                    cur.setLength(0);
                }
                int cut = Math.max(1, width - indent.length());
                lines.add(indent + word.substring(0, cut));
                word = word.substring(cut);
            }
            if (cur.length() == 0) {
                cur.append(lines.isEmpty() ? indent : indent.isEmpty() ? "" : indent + "  ").append(word);
            } else if (cur.length() + 1 + word.length() <= width) {
                cur.append(' ').append(word);
            } else {
                lines.add(cur.toString());
                cur.setLength(0);
                cur.append(indent.isEmpty() ? "" : indent + "  ").append(word);
            }
        }
        if (cur.length() > 0) {
            lines.add(cur.toString());
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------ the CSV

    /** Both sides' events with their codes and the words the text uses, side A first. */
    public static String csv(PersonTrace.Result r) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        csvSide(out, "A", r.a());
        csvSide(out, "B", r.b());
        return out.toString();
    }

    private static void csvSide(StringBuilder out, String side, PersonTrace.Side s) {
        Scenario sc = s.scenario();
        double warmup = sc.run().warmupYears() * Periods.YEAR;
        Story story = new Story(s.start(), s.events(), endDay(sc), sc.costs());
        for (Line l : story.lines) {
            if (l.index() < 0) {
                continue;
            }
            EventRecord e = s.events().get(l.index());
            Csv.row(out, Csv.field(side), Csv.field(sc.name()), Csv.fixed(e.time(), 4),
                    Long.toString((long) Math.floor(e.time() + 1e-9)), Csv.field(when(e.time(), warmup)),
                    Integer.toString(e.replication()), Long.toString(e.person()), Csv.field(e.cohort()),
                    Csv.fixed(e.age(), 1), Csv.field(e.event()), Csv.field(e.place()), Csv.field(e.reason()),
                    Csv.field(l.text()));
        }
    }
}
