package icsim.report;

import icsim.model.Cohort;
import icsim.model.DelayReason;
import icsim.model.LoadEstimate;
import icsim.output.Csv;
import icsim.output.Estimate;
import icsim.output.Estimates;
import icsim.output.Provenance;
import icsim.output.QueueGrowth;
import icsim.output.ReplicationResult;
import icsim.output.RunSummary;
import icsim.scenario.IntegrationProfile;
import icsim.scenario.ParameterSources;
import icsim.scenario.Scenario;
import icsim.scenario.Scenario.Capacity;
import icsim.scenario.Scenario.DayRange;
import icsim.scenario.Scenario.Group;
import icsim.scenario.Scenario.NeedMix;
import icsim.scenario.ScenarioException;
import icsim.scenario.ScenarioLoader;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code stress-des.md}: the STRESS-DES checklist (Monks et al. 2019) filled in for one run, from the scenario
 * as run, the sources its files give for each value, the run's results and its provenance. Fixed text only
 * describes what the code does whatever the scenario; everything a scenario or a run can change is read from
 * them.
 */
public final class StressDesReport {
    /** The file written into the run folder. */
    public static final String FILE = "stress-des.md";

    /** One item of the checklist: its published number and name. */
    public record Item(String number, String name) {
    }

    /** The published checklist (STRESS-DES 1.0): sections, their items and the components of item 2.5. */
    public static final List<Item> ITEMS = List.of(
            new Item("1", "Objectives"),
            new Item("1.1", "Purpose of the model"),
            new Item("1.2", "Model outputs"),
            new Item("1.3", "Experimentation aims"),
            new Item("2", "Logic"),
            new Item("2.1", "Base model overview diagram"),
            new Item("2.2", "Base model logic"),
            new Item("2.3", "Scenario logic"),
            new Item("2.4", "Algorithms"),
            new Item("2.5", "Components"),
            new Item("2.5.1", "Entities"),
            new Item("2.5.2", "Activities"),
            new Item("2.5.3", "Resources"),
            new Item("2.5.4", "Queues"),
            new Item("2.5.5", "Entry/Exit Points"),
            new Item("3", "Data"),
            new Item("3.1", "Data sources"),
            new Item("3.2", "Pre-processing"),
            new Item("3.3", "Input parameters"),
            new Item("3.4", "Assumptions"),
            new Item("4", "Experimentation"),
            new Item("4.1", "Initialisation"),
            new Item("4.2", "Run length"),
            new Item("4.3", "Estimation approach"),
            new Item("5", "Implementation"),
            new Item("5.1", "Software or programming language"),
            new Item("5.2", "Random sampling"),
            new Item("5.3", "Model execution"),
            new Item("5.4", "System specification"),
            new Item("6", "Code access"),
            new Item("6.1", "Computer model sharing statement"));

    /**
     * When the scenario ran as part of {@code icsim compare}.
     *
     * @param baseline  the baseline's folder name
     * @param scenarios the other scenarios' folder names
     * @param self      this scenario's folder name
     * @param streams   how random numbers were shared between the scenarios
     */
    public record Comparison(String baseline, List<String> scenarios, String self, String streams) {
    }

    /**
     * Everything the report reads.
     *
     * @param command    "run" or "compare"
     * @param files      the scenario files given to the command, in order (one for run)
     * @param scenarioFile this scenario's file
     * @param overrides  the overrides the scenario was loaded with (dotted path to value)
     * @param headline   metric id to label of the rows the terminal shows
     * @param comparison null for {@code icsim run}
     */
    public record Context(String command, List<Path> files, Path scenarioFile, Scenario scenario,
                          Map<String, ?> overrides, RunSummary summary, Provenance provenance,
                          Map<String, String> headline, Comparison comparison) {
        public Context {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(provenance, "provenance");
            overrides = overrides == null ? Map.of() : overrides;
            headline = headline == null ? Map.of() : headline;
            files = files == null ? List.of(scenarioFile) : List.copyOf(files);
        }
    }

    private final Context c;
    private final Scenario s;
    private final int n;
    private final ParameterSources sources;
    private final Map<String, String> leaves;
    private final RunEnvironment env;
    private final StringBuilder out = new StringBuilder();

    private StressDesReport(Context c, RunEnvironment env) throws ScenarioException {
        this.c = c;
        this.s = c.scenario();
        this.n = s.population().size();
        this.sources = ParameterSources.read(c.scenarioFile(), c.overrides());
        this.leaves = ParameterSources.leaves(s);
        this.env = env;
    }

    /** Writes {@value #FILE} into folder and returns its path. */
    public static Path write(Path folder, Context context) throws IOException, ScenarioException {
        Path file = folder.resolve(FILE);
        Csv.write(file, render(context));
        return file;
    }

    /** The report's markdown. */
    public static String render(Context context) throws ScenarioException {
        return render(context, RunEnvironment.probe(Path.of(".")));
    }

    static String render(Context context, RunEnvironment env) throws ScenarioException {
        StressDesReport r = new StressDesReport(context, env);
        r.build();
        return r.out.toString();
    }

    // ---- the report ---------------------------------------------------------------------------------------

    private void build() {
        Provenance p = c.provenance();
        line("# STRESS-DES report: " + s.name());
        line();
        line("Written by icsim " + p.icsimVersion() + " (`icsim " + c.command() + " ... --report`) for the run in this "
                + "folder, started " + p.startedAt() + ". It answers the STRESS-DES checklist, version 1.0: Monks T, "
                + "Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE. Strengthening the reporting of empirical "
                + "simulation studies: introducing the STRESS guidelines. *Journal of Simulation* 2019;13(1):55-67, "
                + "doi:10.1080/17477778.2018.1442155. The answers come from the scenario as run (`scenario.yaml` "
                + "here), the comments in its files, the results (`summary.csv`) and the provenance (`run.json`); "
                + "the model is specified in MODEL.md.");
        line();
        objectives();
        logic();
        data();
        experimentation();
        implementation();
        codeAccess();
    }

    private void objectives() {
        section("1");
        item("1.1");
        line("icsim is a discrete-event simulation of a registered population flowing through primary, community, "
                + "acute and social care. It asks what happens to emergency admissions, bed days, delayed discharges "
                + "and cost when those services are integrated to a given degree, for whom, when and at what scale "
                + "(MODEL.md §1), for NHS planners, academics and workshop facilitators. Fragmented care is the "
                + "baseline; integration is a set of mechanisms a scenario switches on (item 2.3).");
        line();
        line("This run: scenario **" + s.name() + "** (`" + c.scenarioFile() + "`), " + count(n) + " registered people. "
                + oneLine(s.description()));
        line();
        item("1.2");
        line(String.format(Locale.ROOT, "Each metric is computed inside each replication over the %s measured "
                        + "year(s) after warm-up: counts are means per year, `_per_1000` rates are per 1,000 registered "
                        + "people a year, shares are fractions, durations are days and money is £ a year at %d prices. "
                        + "Bed days and occupancies are time integrals of each service's census; waits are those of "
                        + "people served from a list; lengths of stay are those of stays ending in the measured years.",
                val(s.run().years()), s.priceYear()));
        line();
        int reps = c.summary().replications();
        String t = reps > 1 ? num(Estimates.tQuantile(0.975, reps - 1)) : "undefined";
        line("Across the R = " + reps + " replications each metric is reported as its mean x̄ over the replications "
                + "where it is defined, its sample standard deviation s and the 95 % Student-t interval "
                + "x̄ ± t(0.975, R−1)·s/√R (here t = " + t + "). `icsim compare` reports, for each scenario against the "
                + "baseline, the paired differences d_r = scenario_r − baseline_r of replications run with common "
                + "random numbers, with the same interval on the mean of d, a two-sided paired t-test and Holm's "
                + "adjustment across metrics (`comparison.csv`).");
        line();
        line("Headline results of this run:");
        line();
        line("| metric | id | mean | 95 % interval | n |");
        line("|---|---|---|---|---|");
        for (Map.Entry<String, String> e : c.headline().entrySet()) {
            Estimate est = c.summary().overall(e.getKey());
            if (est != null) {
                line("| " + cell(e.getValue().strip()) + " | `" + e.getKey() + "` | " + num(est.mean()) + " | "
                        + interval(est) + " | " + est.n() + " |");
            }
        }
        line();
        List<String> ids = c.summary().metrics();
        line("The run computed " + ids.size() + " metrics, every one in `summary.csv` with its interval, per measured "
                + "year in `by_year.csv` and per group in `by_cohort.csv` (" + c.summary().byCohort().size()
                + " groups); the README's metric table defines each: " + codeList(ids) + ". Also written: "
                + "`replications.csv` (one row per replication), `timeseries.csv` (daily census and list of each "
                + "service), `ledger.csv` (costs by year, perspective, sector, payer and fund), `integration.csv` and "
                + "`run.json`.");
        line();
        item("1.3");
        Scenario.Integration in = s.integration();
        long on = IntegrationProfile.mechanisms(s).stream().filter(IntegrationProfile.Mechanism::enabled).count();
        line("**(A) Scenario-based analysis.** Scenario **" + s.name() + "**: " + oneLine(s.description())
                + " Integration level `" + in.level() + "` with " + on + " of "
                + IntegrationProfile.mechanisms(s).size() + " mechanisms on (item 2.3); the levels are Leutz's "
                + "(1999) linkage, co-ordination and full integration beside fragmented care.");
        line();
        if (c.comparison() == null) {
            line("This is a single-scenario run (`icsim run`): it estimates the scenario's outcomes, not an effect. "
                    + "An effect is the paired difference from a baseline: `icsim compare BASE " + c.scenarioFile()
                    + "` runs both with the same people and health events in each replication.");
        } else {
            Comparison cmp = c.comparison();
            boolean baseline = cmp.self().equals(cmp.baseline());
            line("This scenario ran within `icsim compare` " + (baseline
                    ? "as the baseline, against " + codeList(cmp.scenarios())
                    : "against the baseline `" + cmp.baseline() + "` (with " + codeList(cmp.scenarios()) + ")")
                    + ", paired by replication with " + cmp.streams() + "; the differences are in `comparison.csv` "
                    + "in the folder above.");
        }
        line();
        line("**(B) Design of experiments.** None: the run uses the scenario's one set of parameters"
                + (c.overrides().isEmpty() ? "." : ", with the command-line overrides listed in item 2.3."));
        line();
        line("**(C) Simulation optimisation.** None.");
        line();
    }

    private void logic() {
        section("2");
        item("2.1");
        Scenario.Services sv = s.services();
        line("The pathway every crisis follows (MODEL.md §3), with this scenario's places for " + count(n)
                + " people. Integration changes branch probabilities, delays and capacities, never this skeleton.");
        line();
        line("```mermaid");
        line("flowchart TD");
        line("  POP[\"Registered population: " + count(n) + " people in " + Cohort.COUNT + " groups\"]");
        line("  FC[\"First contact: GP, NHS 111, 999" + (s.integration().caseManagement().enabled()
                ? " or case manager" : "") + "\"]");
        line("  RES[\"Resolved at first contact\"]");
        line("  SU[\"Step-up: urgent community response, " + sv.stepUp().places(n) + " places\"]");
        line("  AE[\"A&E, " + val(s.ae().hoursToDecision()) + " h to decision\"]");
        line("  BED[\"Acute bed, " + sv.acutePlaces(n) + " places; " + (boards() ? "boarding in A&E while full"
                : "diverted elsewhere while full") + "\"]");
        line("  MFFD[\"Medically fit for discharge: need drawn\"]");
        line("  PROC[\"Assessment, funding handoff, FIFO list; the bed is held\"]");
        line("  HOME[\"Home\"]");
        line("  REAB[\"Reablement, " + sv.reablement().capacity().places(n) + " places\"]");
        line("  HC[\"Home-care packages, " + sv.homeCare().capacity().places(n) + "\"]");
        line("  IC[\"Step-down IC beds, " + sv.icBeds().capacity().places(n) + "\"]");
        line("  CH[\"Care homes, " + sv.careHomePlaces(n) + " places\"]");
        line("  COMM[\"Community referrals from home\"]");
        line("  DEATH[\"Death" + (s.population().replaceDeaths() ? ": an entrant takes the place" : ": closed cohort")
                + "\"]");
        line("  POP -->|crisis| FC");
        line("  FC -->|not A&E-bound| RES");
        line("  FC -->|in step-up band, referrer allowed, place free| SU");
        line("  FC -->|A&E-bound| AE");
        line("  SU -->|ends| HOME");
        line("  SU -->|escalates| BED");
        line("  AE -->|not admission-bound| HOME");
        line("  AE -->|admission-bound| BED");
        line("  BED -->|treatment ends| MFFD");
        line("  MFFD -->|no new service| HOME");
        line("  MFFD -->|new service| PROC");
        if (s.integration().d2a().enabled()) {
            line("  D2A[\"Discharge to assess, " + s.integration().d2a().capacity().places(n) + " places at home\"]");
            line("  MFFD -->|D2A: leave at once| D2A");
            line("  D2A --> REAB");
            line("  D2A --> HC");
        }
        line("  PROC --> REAB");
        line("  PROC --> HC");
        line("  PROC --> IC");
        line("  PROC --> CH");
        line("  COMM --> REAB");
        line("  COMM --> HC");
        line("  COMM --> CH");
        line("  REAB -->|ends| HOME");
        line("  REAB -->|converts| HC");
        line("  IC --> HOME");
        line("  IC --> HC");
        line("  IC --> CH");
        line("  BED -->|dies in hospital| DEATH");
        line("  POP -->|dies| DEATH");
        line("```");
        line();
        baseLogic();
        scenarioLogic();
        algorithms();
        components();
    }

    private void baseLogic() {
        item("2.2");
        Scenario.StepUp su = s.stepUp();
        Scenario.Discharge d = s.discharge();
        line("Times are in days from day 0 (the start of warm-up); rates are per person-year. In order:");
        line();
        line(String.format(Locale.ROOT, "1. **Crises.** Each person's crisis hazard is the group's `crisis_rate` × "
                        + "their persistent risk z × an age-band multiplier (65+) × the seasonal factor 1 + %s·cos(2π(t − %s)/365) "
                        + "× %s for %s days after a crisis (post-crisis clustering); care-home residents × %s. A crisis "
                        + "that arises in an acute or IC bed is discarded.",
                val(s.seasonality().amplitude()), val(s.seasonality().peakDay()), val(s.postCrisis().multiplier()),
                val(s.postCrisis().days()), val(sv().careHomes().crisisMultiplier())));
        line("2. **Severity.** A uniform u is drawn with each crisis: it is A&E-bound if u ≥ 1 − p_ae and "
                + "admission-bound if u ≥ 1 − p_ae·p_admit (group values below).");
        line("3. **First contact** is GP, NHS 111 or 999 by the group's `first_contact` shares"
                + (s.integration().caseManagement().enabled() ? ", or the case manager for an enrolled person's "
                + "crisis with probability " + val(s.integration().caseManagement().reachability()) : "")
                + ". A crisis that is not A&E-bound ends there, counted and costed.");
        line("4. **Step-up** (urgent community response) when the contact may refer (" + routes()
                + "), u lies within " + val(su.band()) + " of the admission boundary and a place is free: an episode of "
                + "mean " + val(su.losDays()) + " days, ending in a direct admission with probability "
                + val(su.escalationProb()) + "; " + val(su.substitutionShare()) + " of step-ups are admission-bound "
                + "crises they replace.");
        line("5. **A&E.** Otherwise the person attends A&E; after " + val(s.ae().hoursToDecision()) + " hours the "
                + "admission-bound are admitted and the rest go home" + (s.integration().frontDoorFrailty().enabled()
                ? "; the front-door frailty team lowers frail attenders' admissions and diverts some to step-up" : "")
                + ".");
        line("6. **Acute stay.** A bed if one is free, otherwise " + (boards() ? "boarding in A&E (FIFO)"
                : "admission elsewhere, outside the model (`ae.when_no_bed: divert`, a loss system for verification)")
                + ". A share of stays is same-day; the treatment phase of the others is " + stayDistribution()
                + " (× the age band's `los` multiplier), its quantile rising with severity. In-hospital death by group.");
        line("7. **Medically fit for discharge (MFFD).** A need is drawn: aged 65+ " + needMix(d.needMix65plus())
                + "; under 65 " + needMix(d.needMixUnder65()) + "; the shares of support rise × "
                + val(d.supportShift().livesAlone()) + " for people living alone and × "
                + val(d.supportShift().fit()) + "/" + val(d.supportShift().mild()) + "/"
                + val(d.supportShift().moderate()) + "/" + val(d.supportShift().severe()) + " by frailty.");
        line("8. **Discharge process** (fragmented order), the person staying in the bed: assessment "
                + range(d.assessmentDays()) + " days (new services only); funding/eligibility handoff "
                + range(d.handoffDays()) + " days (care homes " + range(d.careHomeFundingDays()) + "), plus "
                + range(d.informationDelayDays()) + " days of information delay without shared records; reassessment "
                + "by the other organisation with probability " + val(d.reassessmentProb()) + " (+"
                + val(d.reassessmentDays()) + " days); then the service's FIFO list. A held home-care package is "
                + "kept " + val(d.packageHoldDays()) + " days. Weekend discharges run at " + val(d.weekendFactor())
                + " of the weekday rate. Every day from MFFD to leaving is a delayed-transfer bed day, booked to the "
                + "first unmet step.");
        line("9. **Deconditioning.** After D delayed days the need escalates one level with probability "
                + "1 − (1 − " + val(s.deconditioning().perDay()) + ")^D.");
        line("10. **After hospital.** Reablement lasts a mean " + val(sv().reablement().meanDays()) + " days, "
                + val(sv().reablement().conversionToPackage()) + " converting to a package; packages of "
                + val(sv().homeCare().hoursPerWeek()) + " hours a week last a mean " + val(sv().homeCare().meanWeeks())
                + " weeks; step-down IC lasts " + range(sv().icBeds().stepDownDays()) + " days, then "
                + needMix(sv().icBeds().afterStepDown()) + "; care-home residence is permanent (annual death "
                + "probability " + val(sv().careHomes().deathRate()) + ").");
        Scenario.CommunityReferrals cr = s.communityReferrals();
        line("11. **Community referrals** from the 65+ at home, weighted by frailty: " + perYear(cr.reablement())
                + " to reablement, " + perYear(cr.newPackage()) + " to home care and " + perYear(cr.careHome())
                + " to care homes a year for this population.");
        line("12. **Death** at the group's all-cause annual probability (below), higher for "
                + val(s.postCrisis().mortalityDays()) + " days after a crisis (× " + val(s.postCrisis().mortalityMultiplier())
                + "); it releases every place the person holds.");
        line("13. **Costs** go to a ledger by year, sector, payer and fund, economic and financial perspectives, "
                + "discounted at " + val(s.costing().discountRate()) + " a year (unit costs in item 3.3).");
        line();
        line("| group | crisis_rate | p_ae | p_admit | death_rate | p_death_in_hospital | same_day_share | treatment LOS mean (sd) |");
        line("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Group> e : groups().entrySet()) {
            Group g = e.getValue();
            line("| `" + e.getKey() + "` | " + val(g.crisisRate()) + " | " + val(g.pAeGivenCrisis()) + " | "
                    + val(g.pAdmitGivenAe()) + " | " + val(g.deathRate()) + " | " + val(g.pDeathInHospital()) + " | "
                    + val(g.sameDayShare()) + " | " + val(g.treatmentLosMean()) + " (" + val(g.treatmentLosSd()) + ") |");
        }
        line();
    }

    private void scenarioLogic() {
        item("2.3");
        line("Scenario **" + s.name() + "**: " + oneLine(s.description()));
        line();
        line("- " + IntegrationProfile.summary(s) + ".");
        line("- Integration starts at the end of warm-up; each effect scales with maturity m(t) = min(1, t / "
                + val(s.integration().maturity().years()) + " years): relative risks become 1 − m(1 − RR), delays move "
                + "linearly to their integrated value and switches act on an event when its pre-drawn uniform is "
                + "below m.");
        line();
        line("| mechanism | on | dimensions | what it does in this scenario | set-up £ | running £ a year |");
        line("|---|---|---|---|---|---|");
        for (IntegrationProfile.Mechanism m : IntegrationProfile.mechanisms(s)) {
            line("| `" + m.key() + "` | " + (m.enabled() ? "**on**" : "off") + " | " + String.join(", ", m.dimensions())
                    + " | " + cell(mechanism(m.key())) + " | " + money(m.setupCost()) + " | "
                    + money(m.runningCostPerYear()) + " |");
        }
        line();
        List<String> files = sources.files();
        String base = files.get(files.size() - 1);
        Map<String, String> baseLeaves;
        try {
            baseLeaves = ParameterSources.leaves(ScenarioLoader.load(Path.of(base)));
        } catch (ScenarioException e) {
            baseLeaves = null; // a base that is incomplete alone: list what the other files and overrides set
        }
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : leaves.entrySet()) {
            String was = baseLeaves == null ? null : baseLeaves.get(e.getKey());
            boolean differs = baseLeaves == null ? !base.equals(sources.of(e.getKey()).file())
                    : !Objects.equals(was, e.getValue());
            if (differs) {
                ParameterSources.Source src = sources.of(e.getKey());
                rows.add("| `" + e.getKey() + "` | " + cell(was == null ? "" : was) + " | " + cell(e.getValue()) + " | "
                        + cell(setBy(src)) + " |");
            }
        }
        if (files.size() == 1 && c.overrides().isEmpty()) {
            line("The scenario file extends no other and no value was overridden: it is a base scenario, with no "
                    + "values that differ from another.");
        } else {
            line("The file chain is " + codeList(files) + (c.overrides().isEmpty() ? "" : ", then the command-line "
                    + "overrides " + codeList(overrideList())) + ". The " + rows.size() + " values that differ from the "
                    + "base file `" + base + "`:");
            line();
            line("| parameter | in " + cell(base) + " | here | set by |");
            line("|---|---|---|---|");
            rows.forEach(this::line);
        }
        line();
    }

    private void algorithms() {
        item("2.4");
        Scenario.Integration in = s.integration();
        line("- **Crisis arrivals by thinning.** Each person has a majorant crisis rate that depends only on health "
                + "parameters, frailty and age (the largest hazard any mechanism allows included); candidates arrive at "
                + "that rate and each is accepted with probability (actual hazard ÷ majorant) against a keyed uniform. "
                + "Inside a post-crisis window a second candidate stream supplies the raised hazard.");
        line("- **Deaths and frailty transitions** invert the cumulative hazard against one Exp(1) budget per person "
                + "and transition; the background death hazard is derived so that, with in-hospital and post-crisis "
                + "deaths, total deaths match each group's `death_rate`.");
        line("- **Length of stay** (Gaussian copula). A stay quantile v = Φ(ρ·Φ⁻¹(w) + √(1 − ρ²)·Z), with w the "
                + "crisis's severity position within the admission-bound band, Z a keyed standard normal and ρ = "
                + val(s.severity().losCorrelation()) + "; v below the group's `same_day_share` gives a same-day stay "
                + "(0.25-0.75 days), above it the quantile of an overnight treatment phase, " + stayDistribution()
                + ". So averting the mildest admissions does not save average stays.");
        line("- **Persistent risk** z ~ Gamma(shape " + val(s.population().riskShape()) + ", mean 1), drawn once.");
        line("- **Initial population** (`" + s.population().initialStructure() + "`): "
                + ("stationary".equals(s.population().initialStructure())
                ? "the 65+ start at the age and frailty structure the model's rates settle at, and each group's z at "
                + "its distribution among the living, so demand does not drift."
                : "the 65+ start at `population.shares` and `initial_frailty` and drift toward the stationary "
                + "structure."));
        line("- **Capacity** of a service is max(minimum_unit, round(per_100k × " + count(n) + " / 100,000)); services "
                + "start filled to their `initial_occupancy` with people drawn by a keyed system stream.");
        line("- **Case-finding** " + (in.caseManagement().enabled()
                ? "(`" + in.caseFinding().rule() + "`, monthly among " + in.caseFinding().ages() + " at home): "
                + ("predicted_risk".equals(in.caseFinding().rule())
                ? "each person's true admission hazard plus normal noise whose size is set per replication by "
                + "bisection so that the score's AUC is " + val(in.caseFinding().auc()) + "; the highest enrol."
                : "at least " + in.caseFinding().priorAdmissions() + " emergency admissions in the last "
                + in.caseFinding().windowMonths() + " months, most recent first.")
                + " Enrolment lasts " + in.caseFinding().enrolmentMonths() + " months, caseload capped at "
                + count(Math.round(in.caseManagement().ftePer100k() * n / 100_000.0 * in.caseManagement().caseloadPerFte()))
                + "."
                : "is not active: case management is off in this scenario."));
        line("- **Pooled budget reinvestment** " + (in.pooledBudget().enabled() && in.pooledBudget().reinvestShare() > 0
                ? "moves " + val(in.pooledBudget().reinvestShare()) + " of the acute financial saving the mechanisms "
                + "made in a year into `" + in.pooledBudget().reinvestInto() + "` places after "
                + in.pooledBudget().reinvestLagMonths() + " months."
                : "is not active in this scenario."));
        line("- **Costs** are discounted by (1 + " + val(s.costing().discountRate()) + ")^−(y − 1) in measured year y.");
        line();
    }

    private void components() {
        item("2.5");
        line("The building blocks of the simulation for this scenario and " + count(n) + " people.");
        line();
        subitem("2.5.1");
        line("People, one record each, in " + Cohort.COUNT + " groups; for the 65+ the group is the eFI frailty state "
                + "and moves up as they age. Each person carries an age (65+, ageing continuously), a frailty state, "
                + "the persistent risk z, a post-crisis state, residence (home or care home), living alone ("
                + val(s.population().livesAlone()) + " of the 65+), the services held and their emergency admission "
                + "history. Crises are events of a person, not entities.");
        line();
        line("| group | mean number in the run | 95 % interval |");
        line("|---|---|---|");
        for (Cohort co : Cohort.values()) {
            Estimate e = cohortMetric(co.label(), "population_mean");
            line("| `" + co.label() + "` | " + (e == null ? "n/a" : num(e.mean())) + " | " + (e == null ? "" : interval(e)) + " |");
        }
        line();
        Scenario.PopulationShares sh = s.population().shares();
        line("Starting shares of the population: under 65 well " + val(sh.under65Well()) + ", with a long-term "
                + "condition " + val(sh.under65Ltc()) + ", aged 65-74 " + val(sh.age65to74()) + ", 75-84 "
                + val(sh.age75to84()) + ", 85+ " + val(sh.age85plus()) + ".");
        line();
        subitem("2.5.2");
        Scenario.Discharge d = s.discharge();
        line("| activity | duration (this scenario) | a year in this run |");
        line("|---|---|---|");
        line("| A&E assessment | " + val(s.ae().hoursToDecision()) + " h to decision | " + metric("ae_attendances") + " attendances |");
        line("| acute treatment | same-day or lognormal by group (item 2.2) | " + metric("emergency_admissions")
                + " admissions, mean stay " + metric("mean_los_days") + " days |");
        line("| step-up episode | mean " + val(s.stepUp().losDays()) + " days | " + metric("step_up_episodes") + " episodes |");
        line("| discharge assessment | " + range(d.assessmentDays()) + " days | " + metric("delayed_days_assessment") + " delayed bed days |");
        line("| funding/eligibility handoff | " + range(d.handoffDays()) + " days (care homes " + range(d.careHomeFundingDays())
                + ") + information delay " + range(d.informationDelayDays()) + " days | " + metric("delayed_days_handoff")
                + " delayed bed days |");
        line("| reassessment | probability " + val(d.reassessmentProb()) + ", " + val(d.reassessmentDays()) + " days | (in the handoff) |");
        line("| reablement | mean " + val(sv().reablement().meanDays()) + " days | " + metric("reablement_episodes") + " episodes |");
        line("| home-care package | mean " + val(sv().homeCare().meanWeeks()) + " weeks, " + val(sv().homeCare().hoursPerWeek())
                + " h/week | " + metric("home_care_packages_started") + " started |");
        line("| step-down IC stay | " + range(sv().icBeds().stepDownDays()) + " days | " + metric("step_down_episodes") + " episodes |");
        line("| care-home residence | permanent, death probability " + val(sv().careHomes().deathRate()) + " a year | "
                + metric("care_home_admissions") + " admissions |");
        if (s.integration().d2a().enabled()) {
            line("| discharge to assess | until assessed, handed off and placed | " + metric("d2a_episodes") + " episodes |");
        }
        line("| routine GP and nurse contacts | computed per person-day, not as events | " + metric("gp_consultations")
                + " GP consultations |");
        line();
        subitem("2.5.3");
        line("Places are `Capacity.places(" + count(n) + ")`; expected load is arrivals × mean time in service ÷ places, "
                + "computed from the scenario without running it (approximate, erring high); occupancy is the run's "
                + "time-averaged share of places in use.");
        line();
        Map<String, Double> load = LoadEstimate.of(s);
        line("| service | places | per 100k | minimum unit | starts full | expected load | mean occupancy (95 % interval) | wait |");
        line("|---|---|---|---|---|---|---|---|");
        resource("acute_beds", sv().acuteBeds(), sv().acutePlaces(n), load, "acute_occupancy_mean", boards()
                ? metric("ae_boarding_hours_per_admission") + " h boarding in A&E per admission"
                : "no list: diverted when full");
        resource("step_up", sv().stepUp(), sv().stepUp().places(n), load, "step_up_occupancy_mean",
                "no list: " + metric("step_up_refused_full") + " referrals refused a year");
        resource("ic_beds", sv().icBeds().capacity(), sv().icBeds().capacity().places(n), load, "ic_bed_occupancy_mean", metric("wait_days_ic_bed") + " days");
        resource("reablement", sv().reablement().capacity(), sv().reablement().capacity().places(n), load, "reablement_occupancy_mean",
                metric("wait_days_reablement") + " days");
        resource("home_care", sv().homeCare().capacity(), sv().homeCare().capacity().places(n), load, "home_care_occupancy_mean", metric("wait_days_home_care") + " days");
        resource("care_homes", sv().careHomes().capacity(), sv().careHomePlaces(n), load, "care_home_occupancy_mean", metric("wait_days_care_home") + " days");
        if (s.integration().d2a().enabled()) {
            resource("d2a", s.integration().d2a().capacity(), s.integration().d2a().capacity().places(n), load, "d2a_occupancy_mean", "no list: hospital process instead");
        }
        line();
        Scenario.CaseManagement cm = s.integration().caseManagement();
        line("Without capacity (counted and costed): A&E, GP, NHS 111 and ambulance contacts."
                + (cm.enabled() ? " Case managers: " + val(cm.ftePer100k() * n / 100_000.0) + " FTE × "
                + cm.caseloadPerFte() + " people each." : "")
                + (s.integration().pooledBudget().enabled() && s.integration().pooledBudget().reinvestShare() > 0
                ? " Reinvestment adds `" + s.integration().pooledBudget().reinvestInto() + "` places during the run." : ""));
        line();
        subitem("2.5.4");
        line(boards() ? "- **Acute beds:** no bed free → the admitted patient boards in A&E, first in first out; "
                + metric("ae_boarding_hours") + " boarding hours a year in this run."
                : "- **Acute beds:** no queue (`ae.when_no_bed: divert`): an admitted patient who finds no bed is "
                + "admitted elsewhere, outside the model.");
        line("- **Reablement, home care, IC beds, care homes:** one FIFO list each, shared by hospital discharges and "
                + "community referrals. A patient waiting to leave hospital keeps the acute bed (blocking: each day "
                + "is a delayed-transfer bed day); a community referral waits at home. Deaths and escalated needs "
                + "leave the list (lazy deletion).");
        line("- **Step-up:** no list; a referral when every place is taken is refused and the crisis goes on to A&E ("
                + metric("step_up_refused_full") + " a year).");
        if (s.integration().d2a().enabled()) {
            line("- **Discharge to assess:** no list; with no D2A place free the patient follows the hospital process.");
        }
        line("- **Weekends:** discharges run at " + val(s.discharge().weekendFactor()) + " of the weekday rate.");
        line();
        line("Delayed-transfer bed days a year in this run, by the first unmet step (total "
                + metric("delayed_transfer_bed_days") + "):");
        line();
        line("| reason | bed days a year | 95 % interval |");
        line("|---|---|---|");
        for (DelayReason r : DelayReason.values()) {
            Estimate e = c.summary().overall("delayed_days_" + r.label());
            line("| `" + r.label() + "` | " + (e == null ? "n/a" : num(e.mean())) + " | " + (e == null ? "" : interval(e)) + " |");
        }
        line();
        List<String> growing = QueueGrowth.warnings(c.summary());
        line(growing.isEmpty() ? "No waiting list grew through the run (last quarter against first)."
                : "Growing lists (demand above capacity, so results depend on run length): " + String.join("; ", growing) + ".");
        line();
        subitem("2.5.5");
        Scenario.FrailtySplit ef = s.population().entrantFrailty();
        line("- **Entry at the start:** " + count(n) + " people at day 0 (item 2.4, initial population).");
        line("- **Entrants:** " + (s.population().replaceDeaths()
                ? "each death is replaced at once in the same slot: aged 65+ by a 65-year-old with frailty fit/mild/"
                + "moderate/severe " + val(ef.fit()) + "/" + val(ef.mild()) + "/" + val(ef.moderate()) + "/"
                + val(ef.severe()) + ", under 65 by a person of the same group; so " + metric("deaths")
                + " entrants a year in this run and a constant population."
                : "none: `population.replace_deaths` is false, a closed cohort whose size falls with its deaths ("
                + metric("deaths") + " a year)."));
        Scenario.CommunityReferrals cr = s.communityReferrals();
        line("- **Into social care from home:** Poisson community referrals, " + perYear(cr.reablement()) + " reablement, "
                + perYear(cr.newPackage()) + " home care and " + perYear(cr.careHome()) + " care home a year.");
        line("- **Exit:** death (" + metric("deaths") + " a year, " + metric("deaths_in_hospital") + " in hospital) is "
                + "the only way out of the population; it frees every place held. Services are left by discharge "
                + "home, the end of an episode or a move to another service.");
        line();
    }

    private void data() {
        section("3");
        item("3.1");
        line("No patient-level data are read. Every input is a value in the scenario files, which name its source in "
                + "a trailing comment: a published figure, a value derived from published figures, a value "
                + "calibrated to the MODEL.md §9 targets, or an assumption. The evidence behind them is tabulated in "
                + "`shared/evidence/parameters.md`.");
        line();
        Map<String, Integer> cited = new LinkedHashMap<>();
        for (String path : leaves.keySet()) {
            ParameterSources.Source src = sources.of(path);
            if (src.origin() == ParameterSources.Origin.COMMENT || src.origin() == ParameterSources.Origin.SECTION_COMMENT) {
                Matcher m = CITATION.matcher(src.text());
                Set<String> once = new LinkedHashSet<>();
                while (m.find()) {
                    once.add(m.group(1) + " " + m.group(2));
                }
                once.forEach(k -> cited.merge(k, 1, Integer::sum));
            }
        }
        List<Map.Entry<String, Integer>> byUse = new ArrayList<>(cited.entrySet());
        byUse.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> citedText = new ArrayList<>();
        byUse.forEach(e -> citedText.add(e.getKey() + " (" + e.getValue() + ")"));
        line(citedText.isEmpty() ? "The comments cite no dated source."
                : "Dated sources the comments cite, with the number of values citing each: " + String.join("; ", citedText)
                + ".");
        line();
        line("| file | SHA-256 |");
        line("|---|---|");
        for (String f : sources.files()) {
            line("| `" + cell(f) + "` | " + sha(Path.of(f)) + " |");
        }
        line();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (String k : List.of("cites a source", "derived", "calibrated", "assumption", "level preset", OVERRIDE_KIND,
                ParameterSources.NONE)) {
            kinds.put(k, 0);
        }
        for (String path : leaves.keySet()) {
            kinds.merge(kind(sources.of(path)), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        kinds.forEach((k, v) -> {
            if (v > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(v).append(' ').append(k);
            }
        });
        line("Of the " + leaves.size() + " values (item 3.3), by the first word that applies in their source: " + b
                + ".");
        line();
        item("3.2");
        line("Nothing is filtered or fitted at run time. Published figures were turned into parameters by hand; the "
                + "values whose source says \"derived\" show the arithmetic:");
        line();
        boolean any = false;
        for (String path : leaves.keySet()) {
            ParameterSources.Source src = sources.of(path);
            if ("derived".equals(kind(src))) {
                line("- `" + path + "` = " + leaves.get(path) + ": " + src.describe());
                any = true;
            }
        }
        if (!any) {
            line("- (none in this scenario)");
        }
        line();
        line("When the scenario loads, `extends` files are merged, level presets and overrides applied, and every "
                + "value is range-checked (shares must sum to 1). When a replication is built, annual rates become "
                + "daily ones (a year is 365 days), capacities are scaled to the population, and, for a `stationary` "
                + "start, the stationary age and frailty structure is computed from the rates.");
        line();
        item("3.3");
        line("Every one of the " + leaves.size() + " values of the scenario as run (`scenario.yaml`), with the source "
                + "its file gives: the trailing comment on the line that set it (a comment on a flow mapping covers "
                + "each key in it; \"comment on section\" marks a comment on an enclosing section's line); values "
                + "from a level preset or the command line say so; \"" + ParameterSources.NONE + "\" where the file "
                + "has no comment. Rates are per person-year, durations days, money £ at " + s.priceYear() + " prices.");
        line();
        line("| parameter | value | source | set in |");
        line("|---|---|---|---|");
        for (Map.Entry<String, String> e : leaves.entrySet()) {
            ParameterSources.Source src = sources.of(e.getKey());
            line("| `" + e.getKey() + "` | " + cell(e.getValue()) + " | " + cell(src.describe()) + " | "
                    + cell(src.file() == null ? "command line" : src.file()) + " |");
        }
        line();
        item("3.4");
        List<String> assumed = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (String path : leaves.keySet()) {
            ParameterSources.Source src = sources.of(path);
            if (src.describe().toLowerCase(Locale.ROOT).contains("assumption")) {
                assumed.add(path);
            } else if (src.origin() == ParameterSources.Origin.NONE) {
                none.add(path);
            }
        }
        line(assumed.size() + " of the " + leaves.size() + " values are labelled assumption in their source (some "
                + "also calibrated to the MODEL.md §9 targets); item 3.3 gives each with its comment. Each is a "
                + "parameter a user can change, and a candidate for calibration or uncertainty analysis. By section:");
        line();
        Map<String, int[]> bySection = new LinkedHashMap<>();
        for (String path : leaves.keySet()) {
            int[] counts = bySection.computeIfAbsent(path.contains(".") ? path.substring(0, path.indexOf('.')) : path,
                    k -> new int[2]);
            counts[1]++;
            if (assumed.contains(path)) {
                counts[0]++;
            }
        }
        line("| section | values labelled assumption | values |");
        line("|---|---|---|");
        bySection.forEach((section, counts) -> {
            if (counts[0] > 0) {
                line("| `" + section + "` | " + counts[0] + " | " + counts[1] + " |");
            }
        });
        line();
        line(none.isEmpty() ? "Every value has a source comment."
                : none.size() + " values have no source comment: " + codeList(none) + ".");
        line();
        line("Assumptions of the model's structure (this version): routine GP and nurse activity is counted per "
                + "person-day, not simulated, and primary care has no capacity limit; freed bed days do not close "
                + "beds, so the financial perspective keeps every bed; step-ups that replace an admission draw no "
                + "discharge need (no care-home effect of hospital at home); savings the mechanisms claim event by "
                + "event are gross; the normative dimension of integration has no mechanism.");
        line();
    }

    private void experimentation() {
        section("4");
        item("4.1");
        Scenario.Services sv = sv();
        line("Warm-up: **" + val(s.run().warmupYears()) + " year(s)** (`run.warmup_years`, source: "
                + sources.of("run.warmup_years").describe() + "; MODEL.md §6 default 1 year). Results exclude it. The "
                + "system starts near its typical state: services filled to their initial occupancy (acute beds "
                + val(sv.acuteBeds().initialOccupancy()) + ", step-up " + val(sv.stepUp().initialOccupancy())
                + ", IC beds " + val(sv.icBeds().capacity().initialOccupancy()) + ", reablement "
                + val(sv.reablement().capacity().initialOccupancy()) + ", home care "
                + val(sv.homeCare().capacity().initialOccupancy()) + ", care homes "
                + val(sv.careHomes().capacity().initialOccupancy()) + ") and the population `"
                + s.population().initialStructure() + "`. Day 0 is " + c.provenance().extra().getOrDefault("day_zero",
                "the start of warm-up") + ".");
        line();
        ReplicationResult.DailySeries series = c.summary().meanSeries();
        int days = series.days();
        int window = Math.min(30, days / 4);
        if (window > 0) {
            line("Check from this run: the mean census (people in the service, mean over replications) in the first "
                    + window + " and the last " + window + " measured days. A warm-up that is long enough shows no "
                    + "drift between them beyond seasonality.");
            line();
            line("| service | census, first " + window + " days | last " + window + " days | waiting, first | waiting, last |");
            line("|---|---|---|---|---|");
            for (int i = 0; i < series.services().size(); i++) {
                line("| `" + series.services().get(i) + "` | " + num(mean(series.occupancy()[i], 0, window)) + " | "
                        + num(mean(series.occupancy()[i], days - window, days)) + " | "
                        + num(mean(series.waiting()[i], 0, window)) + " | "
                        + num(mean(series.waiting()[i], days - window, days)) + " |");
            }
        } else {
            line("The run is too short for a drift check on its daily census.");
        }
        line();
        item("4.2");
        double years = s.run().years();
        line("**" + val(years) + " measured year(s)** after the warm-up (`run.years`, source: "
                + sources.of("run.years").describe() + "; MODEL.md §6 default 5 years), so each replication simulates "
                + val(s.run().warmupYears() + years) + " years (" + count(Math.round((s.run().warmupYears() + years) * 365))
                + " days). The system does not terminate: the population is "
                + (s.population().replaceDeaths() ? "kept constant" : "a closed cohort")
                + " and results are rates over a fixed horizon, reported per year (`by_year.csv`). A horizon of "
                + "several years lets integration mature (" + val(s.integration().maturity().years()) + " years here) "
                + "and shows costs year by year.");
        boolean integrated = IntegrationProfile.mechanisms(s).stream().anyMatch(IntegrationProfile.Mechanism::enabled);
        if (integrated && years < s.integration().maturity().years()) {
            line();
            line("Note: the run is shorter than the maturity period, so integration's effects never reach full strength.");
        }
        line();
        item("4.3");
        int reps = c.summary().replications();
        line("**" + reps + " independent replications** (`run.replications`, source: "
                + sources.of("run.replications").describe() + "; MODEL.md §6 default 30), each with its own warm-up; "
                + "replication r draws its random numbers with r in the key. Means with 95 % Student-t intervals "
                + "(item 1.2)." + (reps < 2 ? " With one replication there are no intervals." : "")
                + " Scenario comparisons pair replication r of each scenario (common random numbers) and put the "
                + "interval on the paired differences.");
        line();
        if (reps > 1) {
            line("Precision reached for the headline metrics (half-width of the interval ÷ |mean|):");
            line();
            line("| metric | relative half-width |");
            line("|---|---|");
            for (String id : c.headline().keySet()) {
                Estimate e = c.summary().overall(id);
                if (e != null && Double.isFinite(e.mean()) && e.mean() != 0) {
                    line("| `" + id + "` | " + String.format(Locale.ROOT, "%.2f %%", 100 * e.halfWidth() / Math.abs(e.mean())) + " |");
                }
            }
            line();
            line("A half-width shrinks with √R: four times the replications halve it.");
            line();
        }
    }

    private void implementation() {
        Provenance p = c.provenance();
        section("5");
        item("5.1");
        line("Java " + p.javaVersion() + " (" + p.javaVendor() + ", " + env.javaRuntime() + "), built with Maven; "
                + "icsim " + p.icsimVersion() + ". Libraries, with the versions read from the running program:");
        line();
        line("| library | version | Maven coordinates | used for | version read from |");
        line("|---|---|---|---|---|");
        for (SoftwareVersions.Library l : SoftwareVersions.libraries()) {
            line("| " + l.name() + " | " + l.version() + " | `" + l.group() + ":" + l.artifact() + "` | " + l.role()
                    + " | " + l.foundIn() + " |");
        }
        line();
        line("Operating system: " + env.os() + ".");
        line();
        item("5.2");
        String offset = p.extra().getOrDefault("stream_offset", "0");
        line(p.streamAllocation());
        line();
        line("- Master seed " + p.seed() + " (`run.seed`); stream offset " + offset + ("0".equals(offset)
                ? " (common random numbers: any scenario run with this seed and replication sees the same people and "
                + "health events until its settings change them)."
                : " (independent streams: this scenario does not share random numbers with the others)."));
        line("- A person's key is their population slot and generation (how often the slot has been refilled), so "
                + "an entrant matches across scenarios; system streams (community referrals, initial fills) have "
                + "negative keys. A draw a branch might use is made whether or not the branch is taken.");
        line("- Variates come from these uniforms by inversion (SSJ `inverseF`, Commons Math, or closed forms): "
                + "uniform durations, Exp(1) hazard budgets, lognormal stays, gamma risk.");
        line();
        item("5.3");
        long events = 0;
        double personYears = 0;
        for (ReplicationResult r : c.summary().results()) {
            events += r.events();
            personYears += r.personYears();
        }
        line("Event scheduling (next-event time advance) on one SSJ `Simulator` instance per replication; event list: "
                + p.extra().getOrDefault("event_list", "SSJ default") + ". People's next health events (crisis "
                + "candidate, death, frailty transition) sit in a primitive indexed heap merged with the simulator's "
                + "list; ties are broken by time, priority, then insertion order. Routine activity and deconditioning "
                + "are computed analytically, not as events.");
        line();
        line("The " + reps() + " replications ran in parallel on " + p.threads() + " thread(s); results do not "
                + "depend on the thread count (byte-identical). They executed " + count(events) + " events ("
                + count(events / Math.max(1, reps())) + " per replication) over " + count(Math.round(personYears))
                + " simulated person-years, warm-up included.");
        line();
        item("5.4");
        line("| | |");
        line("|---|---|");
        line("| processor | " + cell(env.cpu() == null ? "not reported by the OS" : env.cpu()) + " |");
        line("| cores available / threads used | " + p.cores() + " / " + p.threads() + " |");
        line("| maximum Java heap | " + gib(env.maxHeapBytes()) + " |");
        line("| physical memory | " + (env.memoryBytes() > 0 ? gib(env.memoryBytes()) : "unknown") + " |");
        line("| operating system | " + cell(env.os()) + " |");
        line("| Java | " + cell(p.javaVersion() + ", " + env.javaRuntime()) + " |");
        line("| wall time of this scenario's replications | " + String.format(Locale.ROOT, "%.1f s", p.wallTimeSeconds())
                + (p.wallTimeSeconds() > 0 ? String.format(Locale.ROOT, " (%s events a second)",
                count(Math.round(events / p.wallTimeSeconds()))) : "") + " |");
        line("| started | " + p.startedAt() + " |");
        line();
    }

    private void codeAccess() {
        Provenance p = c.provenance();
        section("6");
        item("6.1");
        String commit = p.gitCommit();
        line("- **Code:** " + (env.repository() == null ? "not run from a git work tree" : "git repository `"
                + env.repository() + "`") + (commit == null ? "; commit unknown." : ", commit `" + commit + "`"
                + (Boolean.TRUE.equals(env.uncommitted()) ? " with uncommitted changes to tracked files (the "
                + "results may not be reproducible from the commit alone)." : ".")));
        if (env.repository() == null) {
            line("- **Remote and licence:** unknown here (icsim was run outside its git work tree, which is where "
                    + "they are read from); see the source distribution the jar was built from.");
        } else {
            line("- **Remote:** " + (env.remote() == null ? "none configured (the repository is local)."
                    : "`" + env.remote() + "`."));
            line("- **Licence:** " + (env.licenceFiles().isEmpty()
                    ? "no licence file at the repository root, so no licence has been granted; ask the authors "
                    + "before reusing the code."
                    : "see " + codeList(env.licenceFiles()) + " at the repository root."));
        }
        line("- **Inputs:** the scenario files in item 3.1 (with their SHA-256) and `scenario.yaml` in this folder, the "
                + "scenario exactly as run.");
        line("- **To reproduce** (Java 17, Maven 3.8):");
        line();
        line("```");
        if (commit != null) {
            line("git checkout " + commit);
        }
        line("mvn -q -B package -DskipTests");
        StringBuilder cmd = new StringBuilder("java -jar target/icsim.jar " + c.command());
        for (Path f : c.files()) {
            cmd.append(' ').append(shell(f.toString()));
        }
        for (String o : overrideList()) {
            cmd.append(" --set ").append(shell(o));
        }
        if (c.comparison() != null && c.comparison().streams() != null && c.comparison().streams().startsWith("independent")) {
            cmd.append(" --independent-streams");
        }
        line(cmd + " --report");
        line("```");
        line();
        line("The same seed gives the same numbers on any thread count and machine with the same code.");
    }

    // ---- pieces -------------------------------------------------------------------------------------------

    private static final String OVERRIDE_KIND = "command-line override";

    /** A cited source in a comment: capitalised words (joined by '&' or 'et al.') and a year, e.g. Clegg 2016. */
    private static final Pattern CITATION = Pattern.compile(
            "\\b([A-Z][\\w&'.-]*(?:\\s+(?:&\\s+|et al\\.?\\s+)?[A-Z][\\w&'.-]*)*)\\s+((?:19|20)\\d{2}(?:/\\d{2})?)");

    /** The first kind that applies to a value's source: assumption, calibrated, derived, or a cited source. */
    private static String kind(ParameterSources.Source src) {
        switch (src.origin()) {
            case LEVEL_PRESET:
                return "level preset";
            case OVERRIDE:
                return OVERRIDE_KIND;
            case NONE:
                return ParameterSources.NONE;
            default:
                break;
        }
        String t = src.text().toLowerCase(Locale.ROOT);
        if (t.contains("assumption")) {
            return "assumption";
        }
        if (t.contains("calibrated")) {
            return "calibrated";
        }
        if (t.startsWith("derived") || t.contains("derived:")) {
            return "derived";
        }
        return "cites a source";
    }

    private static String setBy(ParameterSources.Source src) {
        return switch (src.origin()) {
            case OVERRIDE -> "command line";
            case LEVEL_PRESET -> src.text();
            default -> src.file();
        };
    }

    private String mechanism(String key) {
        Scenario.Integration in = s.integration();
        Scenario.Discharge d = s.discharge();
        return switch (key) {
            case "shared_records" -> "information delay per handoff " + range(in.sharedRecords().informationDelayDays())
                    + " d instead of " + range(d.informationDelayDays()) + " d";
            case "trusted_assessment" -> "assessment done by MFFD; care-home need × " + val(in.trustedAssessment().careHomeRr())
                    + ", the rest to a new package";
            case "d2a" -> in.d2a().capacity().places(n) + " places at home with interim support (£"
                    + val(in.d2a().costPerDay()) + " a day), or an IC bed, while assessed and handed off";
            case "eligibility_alignment" -> "no reassessment (otherwise probability " + val(d.reassessmentProb()) + ", +"
                    + val(d.reassessmentDays()) + " d)";
            case "pooled_budget" -> "no funding handoff; " + String.join(", ", in.pooledBudget().sectors())
                    + " costs in the pooled fund; reinvests " + val(in.pooledBudget().reinvestShare())
                    + " of the acute financial saving into " + in.pooledBudget().reinvestInto();
            case "merged_governance" -> "a cost, nothing else by itself";
            case "case_management" -> "case-finding `" + in.caseFinding().rule() + "`, caseload "
                    + count(Math.round(in.caseManagement().ftePer100k() * n / 100_000.0 * in.caseManagement().caseloadPerFte()))
                    + ", reachability " + val(in.caseManagement().reachability()) + ", P(admit) × "
                    + val(in.caseManagement().admitRr()) + ", crisis rate × " + val(in.caseManagement().crisisRr());
            case "referral_routes" -> "step-up referrers " + String.join(", ", s.stepUp().referralRoutes()) + " plus "
                    + String.join(", ", in.referralRoutes().routes());
            case "front_door_frailty" -> "frail attenders' P(admit) × " + val(in.frontDoorFrailty().admitRr()) + "; "
                    + val(in.frontDoorFrailty().diversionShare()) + " of the admission-bound diverted to step-up";
            case "integrated_follow_up" -> "post-crisis factor × " + val(in.integratedFollowUp().postCrisisRr())
                    + " after a discharge; £" + val(in.integratedFollowUp().costPerDischarge()) + " a discharge";
            case "care_home_support" -> "residents' P(admit) × " + val(in.careHomeSupport().admitRr()) + " in residential "
                    + (in.careHomeSupport().nursingHomes() ? "and nursing " : "") + "homes";
            default -> "";
        };
    }

    /** True when admitted patients board in A&E while no bed is free (ae.when_no_bed: wait, the default). */
    private boolean boards() {
        return !"divert".equals(leaves.get("ae.when_no_bed"));
    }

    /** The treatment phase of overnight stays, as severity.los_distribution sets it (lognormal by default). */
    private String stayDistribution() {
        return "exponential".equals(leaves.get("severity.los_distribution"))
                ? "exponential with the group's mean (`severity.los_distribution: exponential`, for verification)"
                : "lognormal with the group's mean and sd";
    }

    private String routes() {
        List<String> r = new ArrayList<>(s.stepUp().referralRoutes());
        if (s.integration().referralRoutes().enabled()) {
            for (String x : s.integration().referralRoutes().routes()) {
                if (!r.contains(x)) {
                    r.add(x);
                }
            }
        }
        return String.join(", ", r);
    }

    private void resource(String name, Capacity cap, int places, Map<String, Double> load, String occupancyMetric, String waitText) {
        Estimate occ = c.summary().overall(occupancyMetric);
        Double l = load.get(name);
        line("| `" + name + "` | " + places + " | " + val(cap.per100k()) + " | " + cap.minimumUnit() + " | "
                + val(cap.initialOccupancy()) + " | " + (l == null ? "n/a" : num(l)) + " | "
                + (occ == null ? "n/a" : num(occ.mean()) + " " + interval(occ)) + " | " + cell(waitText) + " |");
    }

    private Map<String, Group> groups() {
        Scenario.Groups g = s.groups();
        Map<String, Group> m = new LinkedHashMap<>();
        m.put(Cohort.UNDER65_WELL.label(), g.under65Well());
        m.put(Cohort.UNDER65_LTC.label(), g.under65Ltc());
        m.put(Cohort.OVER65_FIT.label(), g.over65Fit());
        m.put(Cohort.OVER65_MILD.label(), g.over65Mild());
        m.put(Cohort.OVER65_MODERATE.label(), g.over65Moderate());
        m.put(Cohort.OVER65_SEVERE.label(), g.over65Severe());
        return m;
    }

    private Scenario.Services sv() {
        return s.services();
    }

    private Estimate cohortMetric(String cohort, String metric) {
        Map<String, Estimate> m = c.summary().byCohort().get(cohort);
        return m == null ? null : m.get(metric);
    }

    /** A metric's mean from this run, or "n/a". */
    private String metric(String id) {
        Estimate e = c.summary().overall(id);
        return e == null ? "n/a" : num(e.mean());
    }

    private int reps() {
        return c.summary().replications();
    }

    private List<String> overrideList() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : c.overrides().entrySet()) {
            out.add(e.getKey() + "=" + yamlValue(e.getValue()));
        }
        return out;
    }

    private static String yamlValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + yamlValue(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(yamlValue(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    private String perYear(double per100k) {
        return num(per100k * n / 100_000.0);
    }

    private static String needMix(NeedMix m) {
        return "home " + val(m.home()) + ", restart " + val(m.restart()) + ", reablement " + val(m.reablement())
                + ", new package " + val(m.newPackage()) + ", step-down " + val(m.stepDown()) + ", care home "
                + val(m.careHome());
    }

    private static String range(DayRange r) {
        return r.min() == r.max() ? val(r.min()) : val(r.min()) + "-" + val(r.max());
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }

    private static String sha(Path file) {
        try {
            return "`" + Provenance.sha256(file) + "`";
        } catch (IOException e) {
            return "unreadable now (" + cell(e.getMessage()) + ")";
        }
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A scenario value as written: 5 not 5.0, 0.35 not 0.35000000000000003. */
    static String val(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** A result: four significant digits, thousands grouped from 10,000. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String interval(Estimate e) {
        return e.n() < 2 ? "(one replication)" : "[" + num(e.ciLow()) + ", " + num(e.ciHigh()) + "]";
    }

    private static String codeList(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        List<String> q = new ArrayList<>();
        items.forEach(i -> q.add("`" + i + "`"));
        return String.join(", ", q);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** A markdown table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    /** A word for a POSIX shell: quoted when it holds anything but plain characters. */
    private static String shell(String word) {
        return word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private void section(String number) {
        line("## " + number + ". " + name(number));
        line();
    }

    private void item(String number) {
        line("### " + number + " " + name(number));
        line();
    }

    private void subitem(String number) {
        line("#### " + number + " " + name(number));
        line();
    }

    private static String name(String number) {
        for (Item i : ITEMS) {
            if (i.number().equals(number)) {
                return i.name();
            }
        }
        throw new IllegalArgumentException("no STRESS-DES item " + number);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
