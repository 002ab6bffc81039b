package icsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One scenario, exactly as the YAML gives it (snake_case keys map onto these components). Immutable and
 * validated once by {@link ScenarioLoader}; model code reads nothing else. Rates are per year, durations in
 * days, money in £ at {@code price_year}. Sources of the defaults live as comments in scenarios/*.yaml.
 */
public record Scenario(
        String name,
        String description,
        @Bounds(min = 1990, max = 2100) int priceYear,
        Run run,
        Population population,
        FrailtyProgression frailtyProgression,
        Groups groups,
        AgeBands ageBands,
        PostCrisis postCrisis,
        Seasonality seasonality,
        Severity severity,
        StepUp stepUp,
        Ae ae,
        Discharge discharge,
        Deconditioning deconditioning,
        Services services,
        CommunityReferrals communityReferrals,
        Costs costs,
        Costing costing,
        Payment payment,
        Integration integration) {

    public record Run(long seed,
                      @Bounds(min = 1, max = 10000) int replications,
                      @Bounds(min = 0, max = 50) double warmupYears,
                      @Bounds(min = 1, max = 50) double years) {
    }

    /**
     * @param initialStructure "stationary": 65+ ages and frailty drawn from the structure the model settles
     *                         at (no drift); "given": from shares and initial_frailty as written
     */
    public record Population(@Bounds(min = 100, max = 20_000_000) int size,
                             boolean replaceDeaths,
                             String initialStructure,
                             PopulationShares shares,
                             FrailtyByAge initialFrailty,
                             FrailtySplit entrantFrailty,
                             @Bounds(min = 0, max = 1) double livesAlone,
                             @Bounds(min = 0.05, max = 100) double riskShape) {
    }

    /** Shares of the registered population; must sum to 1. */
    public record PopulationShares(@Bounds(min = 0, max = 1) double under65Well,
                                   @Bounds(min = 0, max = 1) double under65Ltc,
                                   @JsonProperty("age_65_74") @Bounds(min = 0, max = 1) double age65to74,
                                   @JsonProperty("age_75_84") @Bounds(min = 0, max = 1) double age75to84,
                                   @JsonProperty("age_85_plus") @Bounds(min = 0, max = 1) double age85plus) {
    }

    /** Shares of fit, mild, moderate and severe frailty (eFI categories); must sum to 1. */
    public record FrailtySplit(@Bounds(min = 0, max = 1) double fit,
                               @Bounds(min = 0, max = 1) double mild,
                               @Bounds(min = 0, max = 1) double moderate,
                               @Bounds(min = 0, max = 1) double severe) {
        public double[] toArray() {
            return new double[]{fit, mild, moderate, severe};
        }
    }

    public record FrailtyByAge(@JsonProperty("age_65_74") FrailtySplit age65to74,
                               @JsonProperty("age_75_84") FrailtySplit age75to84,
                               @JsonProperty("age_85_plus") FrailtySplit age85plus) {
    }

    /** A non-negative number per 65+ age band. */
    public record PerAgeBand(@JsonProperty("age_65_74") @Bounds(min = 0) double age65to74,
                             @JsonProperty("age_75_84") @Bounds(min = 0) double age75to84,
                             @JsonProperty("age_85_plus") @Bounds(min = 0) double age85plus) {
        public double[] toArray() {
            return new double[]{age65to74, age75to84, age85plus};
        }
    }

    /** Transition rates per person-year between frailty states, by age band. */
    public record FrailtyProgression(PerAgeBand fitToMild, PerAgeBand mildToModerate, PerAgeBand moderateToSevere) {
    }

    public record Groups(Group under65Well, Group under65Ltc, Group over65Fit, Group over65Mild,
                         Group over65Moderate, Group over65Severe) {
    }

    public record Group(@Bounds(min = 0, max = 100) double crisisRate,
                        @Bounds(min = 0, max = 1) double pAeGivenCrisis,
                        @Bounds(min = 0, max = 1) double pAdmitGivenAe,
                        @Bounds(min = 0, max = 0.99) double deathRate,
                        @Bounds(min = 0, max = 1) double pDeathInHospital,
                        @Bounds(min = 0, max = 0.99) double sameDayShare,
                        @Bounds(min = 0.01, max = 365) double treatmentLosMean,
                        @Bounds(min = 0, max = 365) double treatmentLosSd,
                        @Bounds(min = 0, max = 100) double gpConsultations,
                        @Bounds(min = 0, max = 500) double nurseContacts,
                        FirstContact firstContact) {
    }

    /** Who a crisis reaches first; shares must sum to 1. */
    public record FirstContact(@Bounds(min = 0, max = 1) double gp,
                               @Bounds(min = 0, max = 1) double nhs111,
                               @Bounds(min = 0, max = 1) double ambulance) {
    }

    public record AgeBands(@JsonProperty("age_65_74") AgeBandEffect age65to74,
                           @JsonProperty("age_75_84") AgeBandEffect age75to84,
                           @JsonProperty("age_85_plus") AgeBandEffect age85plus) {
    }

    /** Multipliers applied inside each frailty state for people in this age band. */
    public record AgeBandEffect(@Bounds(min = 0, max = 20) double crisis,
                                @Bounds(min = 0, max = 20) double death,
                                @Bounds(min = 0.05, max = 20) double los) {
    }

    public record PostCrisis(@Bounds(min = 0, max = 3650) double days,
                             @Bounds(min = 1, max = 50) double multiplier,
                             @Bounds(min = 0, max = 3650) double mortalityDays,
                             @Bounds(min = 1, max = 50) double mortalityMultiplier) {
    }

    public record Seasonality(@Bounds(min = 0, max = 0.9) double amplitude,
                              @Bounds(min = 0, max = 365) double peakDay) {
    }

    /**
     * Gaussian-copula correlation between crisis severity and length of stay, and the distribution of overnight
     * treatment stays: "lognormal" (1 day + lognormal, MODEL.md §3) or "exponential" (for verification).
     */
    public record Severity(@Bounds(min = 0, max = 0.99) double losCorrelation, String losDistribution) {
    }

    public record StepUp(@Bounds(min = 0, max = 1) double band,
                         @Bounds(min = 0, max = 1) double substitutionShare,
                         @Bounds(min = 0.1, max = 365) double losDays,
                         @Bounds(min = 0, max = 1) double escalationProb,
                         List<String> referralRoutes) {
    }

    /**
     * @param whenNoBed what an admitted patient does when no acute bed is free: "wait" (boards in A&E, FIFO)
     *                  or "divert" (is admitted elsewhere, outside the model: a loss system, for verification)
     */
    public record Ae(@Bounds(min = 0, max = 48) double hoursToDecision, String whenNoBed) {
    }

    public record Discharge(@Bounds(min = 0, max = 1) double weekendFactor,
                            @JsonProperty("need_mix_65plus") NeedMix needMix65plus,
                            @JsonProperty("need_mix_under65") NeedMix needMixUnder65,
                            SupportShift supportShift,
                            DayRange assessmentDays,
                            DayRange handoffDays,
                            DayRange careHomeFundingDays,
                            DayRange informationDelayDays,
                            @Bounds(min = 0, max = 1) double reassessmentProb,
                            @Bounds(min = 0, max = 365) double reassessmentDays,
                            @Bounds(min = 0, max = 365) double packageHoldDays) {
    }

    /** Discharge needs drawn at medically-fit-for-discharge; shares must sum to 1. */
    public record NeedMix(@Bounds(min = 0, max = 1) double home,
                          @Bounds(min = 0, max = 1) double restart,
                          @Bounds(min = 0, max = 1) double reablement,
                          @Bounds(min = 0, max = 1) double newPackage,
                          @Bounds(min = 0, max = 1) double stepDown,
                          @Bounds(min = 0, max = 1) double careHome) {
    }

    /** Multipliers on the odds of needing support at discharge (all needs but home and restart). */
    public record SupportShift(@Bounds(min = 0, max = 20) double livesAlone,
                               @Bounds(min = 0, max = 20) double fit,
                               @Bounds(min = 0, max = 20) double mild,
                               @Bounds(min = 0, max = 20) double moderate,
                               @Bounds(min = 0, max = 20) double severe) {
    }

    /** A uniform duration between min and max days. */
    public record DayRange(@Bounds(min = 0, max = 3650) double min, @Bounds(min = 0, max = 3650) double max) {
        public double at(double u) {
            return min + (max - min) * u;
        }

        public double mean() {
            return (min + max) / 2;
        }
    }

    public record Deconditioning(@Bounds(min = 0, max = 1) double perDay) {
    }

    public record Services(Capacity acuteBeds, Capacity stepUp, IcBeds icBeds, Reablement reablement,
                           HomeCare homeCare, CareHomes careHomes, SharedPool sharedPool) {
        /** Acute beds: sized for the shared pool's catchment when it is larger than the population. */
        public int acutePlaces(int population) {
            return acuteBeds.places(sharedPool.catchment(population));
        }

        /** Care-home places: sized for the shared pool's catchment when it is larger than the population. */
        public int careHomePlaces(int population) {
            return careHomes.capacity().places(sharedPool.catchment(population));
        }
    }

    /**
     * Acute beds and care homes shared with a wider catchment (MODEL.md §8.4, scale experiment). When population
     * exceeds the registered population N, both are sized for it and the other population - N people are a
     * background load: Poisson admissions at the given rates per 1,000 a year, lognormal acute stays and
     * exponential care-home stays, queueing first come, first served with everyone else. 0 = off.
     */
    public record SharedPool(@Bounds(min = 0, max = 20_000_000) int population,
                             @JsonProperty("acute_admissions_per_1000") @Bounds(min = 0, max = 1000) double acuteAdmissionsPer1000,
                             @Bounds(min = 0, max = 365) double acuteMeanStayDays,
                             @Bounds(min = 0, max = 20) double acuteStayCv,
                             @JsonProperty("care_home_admissions_per_1000") @Bounds(min = 0, max = 1000) double careHomeAdmissionsPer1000,
                             @Bounds(min = 0, max = 36500) double careHomeMeanStayDays) {
        /** The population shared services are sized for: the catchment when larger than the population, else it. */
        public int catchment(int population) {
            return Math.max(population, this.population);
        }

        /** Whether there is a background beyond the population. */
        public boolean pools(int population) {
            return this.population > population;
        }
    }

    /** Capacity = max(minimum_unit, round(per_100k x population / 100,000)). */
    public record Capacity(@JsonProperty("per_100k") @Bounds(min = 0, max = 100_000) double per100k,
                           @Bounds(min = 0, max = 1_000_000) int minimumUnit,
                           @Bounds(min = 0, max = 1) double initialOccupancy) {
        public int places(int population) {
            return (int) Math.max(minimumUnit, Math.round(per100k * population / 100_000.0));
        }
    }

    public record IcBeds(Capacity capacity, DayRange stepDownDays, NeedMix afterStepDown) {
    }

    public record Reablement(Capacity capacity,
                             @Bounds(min = 1, max = 365) double meanDays,
                             @Bounds(min = 0, max = 1) double conversionToPackage) {
    }

    public record HomeCare(Capacity capacity,
                           @Bounds(min = 0, max = 168) double hoursPerWeek,
                           @Bounds(min = 1, max = 1000) double meanWeeks) {
    }

    public record CareHomes(Capacity capacity,
                            @Bounds(min = 0, max = 1) double nursingShare,
                            @Bounds(min = 0, max = 1) double selfFunderShare,
                            @Bounds(min = 0, max = 20) double crisisMultiplier,
                            @Bounds(min = 0, max = 0.99) double deathRate) {
    }

    /** Referrals to social care that do not come from hospital, per 100,000 population per year. */
    public record CommunityReferrals(@Bounds(min = 0, max = 100_000) double reablement,
                                     @Bounds(min = 0, max = 100_000) double newPackage,
                                     @Bounds(min = 0, max = 100_000) double careHome,
                                     FrailtySplit frailtyWeights) {
    }

    /** Economic unit costs, £ at the scenario's price year. */
    public record Costs(@Bounds(min = 0) double admission,
                        @Bounds(min = 0) double acuteBedDay,
                        @Bounds(min = 0) double aeAttendance,
                        @Bounds(min = 0) double stepUpDay,
                        @Bounds(min = 0) double icBedDay,
                        @Bounds(min = 0) double reablementEpisode,
                        @Bounds(min = 0) double homeCareHour,
                        @Bounds(min = 0) double careHomeWeekResidential,
                        @Bounds(min = 0) double careHomeWeekNursing,
                        @Bounds(min = 0) double nursingCareContributionWeek,
                        @Bounds(min = 0) double gpConsultation,
                        @Bounds(min = 0) double communityNurseContact,
                        @Bounds(min = 0) double nhs111Call,
                        @Bounds(min = 0) double ambulanceSeeAndTreat) {
    }

    /**
     * @param stopLossThreshold individual annual cost (NHS and local authority, £) above which stop-loss cover
     *                          pays, for the capitation risk of the scale experiment (MODEL.md §8.4)
     */
    public record Costing(@Bounds(min = 0, max = 0.5) double discountRate,
                          @Bounds(min = 0) double financialBedFixedPerDay,
                          @Bounds(min = 0) double financialBedVariablePerDay,
                          @Bounds(min = 0) double stopLossThreshold) {
    }

    /** How each sector's providers are paid (MODEL.md §4): income and margin sit beside the costs. */
    public record Payment(SectorPayment primary, SectorPayment community, SectorPayment acute,
                          @JsonProperty("social_care") SectorPayment socialCare) {
    }

    /**
     * @param regime        activity (paid per unit of activity: the sector's economic cost x tariff_factor),
     *                      block (a fixed block_per_100k a year), capitation (per_person a year per registered
     *                      person) or none
     */
    public record SectorPayment(String regime,
                                @Bounds(min = 0, max = 10) double tariffFactor,
                                @JsonProperty("block_per_100k") @Bounds(min = 0) double blockPer100k,
                                @Bounds(min = 0) double perPerson) {
    }
    /**
     * Integration mechanisms (MODEL.md §5). {@code level} names the preset a file started from: a file that
     * sets it gets that level's settings over whatever it extends, and anything else it says wins. Effects start
     * at the end of warm-up and scale with maturity m(t) = min(1, t / maturity.years).
     */
    public record Integration(String level,
                              Maturity maturity,
                              Coverage coverage,
                              SharedRecords sharedRecords,
                              TrustedAssessment trustedAssessment,
                              DischargeToAssess d2a,
                              Mechanism eligibilityAlignment,
                              PooledBudget pooledBudget,
                              Mechanism mergedGovernance,
                              CaseFinding caseFinding,
                              CaseManagement caseManagement,
                              ReferralRoutes referralRoutes,
                              FrontDoorFrailty frontDoorFrailty,
                              IntegratedFollowUp integratedFollowUp,
                              CareHomeSupport careHomeSupport) {
    }

    /** Years from the start of integration (end of warm-up) to full effect; 0 = full effect at once. */
    public record Maturity(@Bounds(min = 0, max = 50) double years) {
    }

    /**
     * Who the person-level mechanisms act on (MODEL.md §8, L1 and L3): rule all (everyone), predicted_risk (the
     * top {@code share} of the living by the case-finding risk score, re-ranked monthly) or cohorts (people whose
     * group at a crisis is in {@code cohorts}). Running costs scale with the share covered.
     *
     * @param share in (0, 1]; checked by {@link ScenarioRules}, as a share of 0 would cover no one
     */
    public record Coverage(String rule, double share, List<String> cohorts) {
    }

    /**
     * What a mechanism costs: a set-up sum posted in the first month of integration and a running sum a year
     * posted monthly, both per 100,000 people; booked to {@code sector}, paid {@code nhs_share} by the NHS and
     * the rest by the local authority.
     */
    public record MechanismCosts(@JsonProperty("setup_per_100k") @Bounds(min = 0) double setupPer100k,
                                 @JsonProperty("running_per_100k") @Bounds(min = 0) double runningPer100k,
                                 String sector,
                                 @Bounds(min = 0, max = 1) double nhsShare) {
    }

    /** A mechanism whose only parameters are its switch and its costs. */
    public record Mechanism(boolean enabled, MechanismCosts costs) {
    }

    /** Shared records: each handoff's information delay moves from discharge.information_delay_days to this. */
    public record SharedRecords(boolean enabled, DayRange informationDelayDays, MechanismCosts costs) {
    }

    /** Assessment in parallel with treatment (done at MFFD); care-home destination relative risk. */
    public record TrustedAssessment(boolean enabled,
                                    @Bounds(min = 0, max = 2) double careHomeRr,
                                    MechanismCosts costs) {
    }

    /**
     * Discharge to assess: people needing a new service leave at MFFD, to home with interim support (a D2A
     * place) for reablement or a package, or to an IC bed for step-down or a care home, and are assessed there.
     */
    public record DischargeToAssess(boolean enabled,
                                    Capacity capacity,
                                    @Bounds(min = 0) double costPerDay,
                                    MechanismCosts costs) {
    }

    /**
     * Pooled budget: no funding handoffs; costs of the pooled sectors are held in the pooled fund; a share of
     * the acute financial saving against the warm-up year buys capacity in {@code reinvest_into} after a lag.
     */
    public record PooledBudget(boolean enabled,
                               List<String> sectors,
                               @Bounds(min = 0, max = 1) double reinvestShare,
                               @Bounds(min = 0, max = 120) int reinvestLagMonths,
                               String reinvestInto,
                               MechanismCosts costs) {
    }

    /**
     * Who case management enrols: rule prior_admissions (at least prior_admissions emergency admissions in the
     * last window_months) or predicted_risk (a noisy score of the true admission hazard with discrimination auc).
     * Re-run monthly; enrolment lasts enrolment_months.
     */
    public record CaseFinding(String rule,
                              @Bounds(min = 1, max = 10) int priorAdmissions,
                              @Bounds(min = 1, max = 60) int windowMonths,
                              @Bounds(min = 0.5, max = 0.99) double auc,
                              String ages,
                              @Bounds(min = 1, max = 120) int enrolmentMonths) {
    }

    /**
     * Case management of the enrolled: caseload fte x caseload_per_fte; a crisis reaches the team with
     * probability reachability; P(admit) and the crisis rate of the enrolled are multiplied by the RRs.
     */
    public record CaseManagement(boolean enabled,
                                 @JsonProperty("fte_per_100k") @Bounds(min = 0, max = 10_000) double ftePer100k,
                                 @Bounds(min = 1, max = 1000) int caseloadPerFte,
                                 @Bounds(min = 0, max = 1) double reachability,
                                 @Bounds(min = 0, max = 2) double admitRr,
                                 @Bounds(min = 0, max = 1, what = "a relative risk (≤ 1: it may only lower a hazard)")
                                 double crisisRr,
                                 @Bounds(min = 0) double costPerFte,
                                 MechanismCosts costs) {
    }

    /** Who else may refer to step-up once integration opens the routes (beyond step_up.referral_routes). */
    public record ReferralRoutes(boolean enabled, List<String> routes, MechanismCosts costs) {
    }

    /** A&E frailty team: P(admit) RR for frail attenders; a share of the admission-bound diverted to step-up. */
    public record FrontDoorFrailty(boolean enabled,
                                   @Bounds(min = 0, max = 1) double diversionShare,
                                   @Bounds(min = 0, max = 2) double admitRr,
                                   MechanismCosts costs) {
    }

    /** Post-discharge contact that damps the post-crisis crisis factor (RR on the factor). */
    public record IntegratedFollowUp(boolean enabled,
                                     @Bounds(min = 0, max = 1, what = "a relative risk (≤ 1: it may only lower a hazard)")
                                     double postCrisisRr,
                                     @Bounds(min = 0) double costPerDischarge,
                                     MechanismCosts costs) {
    }

    /** Enhanced health in care homes: P(admit) RR of residents' crises, residential homes (or nursing too). */
    public record CareHomeSupport(boolean enabled,
                                  @Bounds(min = 0, max = 2) double admitRr,
                                  boolean nursingHomes,
                                  MechanismCosts costs) {
    }
}
