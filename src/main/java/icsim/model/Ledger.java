package icsim.model;

import icsim.engine.Periods;
import icsim.output.ReplicationResult.LedgerLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Every cost the replication incurs, by period, perspective, category (hence sector) and payer
 * (MODEL.md §4). The fund is the payer until a pooled budget holds it.
 */
public final class Ledger {
    public static final int ECONOMIC = 0;
    public static final int FINANCIAL = 1;
    private static final String[] PERSPECTIVES = {"economic", "financial"};
    private static final int PAYERS = Payer.values().length;

    private final Periods periods;
    private final double discountRate;
    private final double[] cost; // [period][perspective][category][payer]
    private final double[][][] income; // [period][sector][payer]: provider income under the payment regime
    private final String[] regimes = new String[Sector.values().length];
    /** Integration mechanisms' costs, [period][mechanism][set-up 0 / running 1][payer]; the same in both perspectives. */
    private final double[][][][] integration;
    private final List<String> mechanisms;
    private final Sector[] mechanismSector;
    /** Sectors whose NHS and local-authority costs a pooled budget holds from the first measured year. */
    private final boolean[] pooled = new boolean[Sector.values().length];

    /**
     * @param mechanisms      integration mechanism keys, in the order {@link #postIntegration} indexes them
     * @param mechanismSector the sector each mechanism's costs are booked to
     */
    public Ledger(Periods periods, double discountRate, List<String> mechanisms, Sector[] mechanismSector) {
        this.periods = periods;
        this.discountRate = discountRate;
        this.cost = new double[periods.count() * 2 * CostCategory.COUNT * PAYERS];
        this.income = new double[periods.count()][Sector.values().length][PAYERS];
        this.mechanisms = List.copyOf(mechanisms);
        this.mechanismSector = mechanismSector.clone();
        this.integration = new double[periods.count()][mechanisms.size()][2][PAYERS];
    }

    /** From the first measured year, the NHS and local-authority costs of this sector are held in the pooled fund. */
    void pool(Sector sector) {
        pooled[sector.ordinal()] = true;
    }

    /** Books an integration mechanism's set-up or running cost, split between the NHS and the local authority. */
    void postIntegration(int period, int mechanism, boolean setup, double nhsShare, double amount) {
        double[] line = integration[period][mechanism][setup ? 0 : 1];
        line[Payer.NHS.ordinal()] += amount * nhsShare;
        line[Payer.LOCAL_AUTHORITY.ordinal()] += amount * (1 - nhsShare);
    }

    /** Integration set-up (setup = true) or running cost of a period, all mechanisms and payers. */
    double integrationTotal(int period, boolean setup) {
        double sum = 0;
        for (double[][] m : integration[period]) {
            for (double v : m[setup ? 0 : 1]) {
                sum += v;
            }
        }
        return sum;
    }

    private String fund(int period, Sector sector, Payer payer) {
        return period >= 1 && pooled[sector.ordinal()] && payer != Payer.SELF_FUNDER ? "pooled" : payer.label();
    }

    /** Cost of a period held in the pooled fund (0 without a pooled budget). */
    double pooledTotal(int period, int perspective) {
        double sum = 0;
        for (Sector sector : Sector.values()) {
            for (Payer y : Payer.values()) {
                if (fund(period, sector, y).equals("pooled")) {
                    sum += periodTotal(period, perspective, sector, y);
                }
            }
        }
        return sum;
    }

    /** Books a sector's provider income from one payer for a period, under the named payment regime. */
    public void postIncome(int period, Sector sector, Payer payer, String regime, double amount) {
        income[period][sector.ordinal()][payer.ordinal()] += amount;
        regimes[sector.ordinal()] = regime;
    }

    public double income(int period, Sector sector) {
        double sum = 0;
        for (double v : income[period][sector.ordinal()]) {
            sum += v;
        }
        return sum;
    }

    /** Who pays a sector's providers: the local authority for social care, the NHS otherwise. */
    static Payer commissioner(Sector sector) {
        return sector == Sector.SOCIAL_CARE ? Payer.LOCAL_AUTHORITY : Payer.NHS;
    }

    private int index(int period, int perspective, CostCategory category, Payer payer) {
        return ((period * 2 + perspective) * CostCategory.COUNT + category.ordinal()) * PAYERS + payer.ordinal();
    }

    /** Posts the same amount under both perspectives. */
    public void post(int period, CostCategory category, Payer payer, double amount) {
        cost[index(period, ECONOMIC, category, payer)] += amount;
        cost[index(period, FINANCIAL, category, payer)] += amount;
    }

    public void post(int period, int perspective, CostCategory category, Payer payer, double amount) {
        cost[index(period, perspective, category, payer)] += amount;
    }

    /** Undiscounted total over the measured periods for one perspective, filtered by sector and/or payer. */
    public double total(int perspective, Sector sector, Payer payer) {
        double sum = 0;
        for (int p = 1; p < periods.count(); p++) {
            sum += periodTotal(p, perspective, sector, payer);
        }
        return sum;
    }

    /** Cost of a period, filtered by sector and/or payer (null = all), integration mechanisms included. */
    public double periodTotal(int p, int perspective, Sector sector, Payer payer) {
        double sum = activityTotal(p, perspective, sector, payer);
        for (int m = 0; m < mechanisms.size(); m++) {
            if (sector != null && mechanismSector[m] != sector) {
                continue;
            }
            for (double[] kind : integration[p][m]) {
                for (Payer y : Payer.values()) {
                    if (payer == null || payer == y) {
                        sum += kind[y.ordinal()];
                    }
                }
            }
        }
        return sum;
    }

    /** As {@link #periodTotal} without integration mechanisms' costs: what activity-based payment pays for. */
    public double activityTotal(int p, int perspective, Sector sector, Payer payer) {
        double sum = 0;
        for (CostCategory c : CostCategory.values()) {
            if (sector != null && c.sector != sector) {
                continue;
            }
            for (Payer y : Payer.values()) {
                if (payer == null || payer == y) {
                    sum += cost[index(p, perspective, c, y)];
                }
            }
        }
        return sum;
    }

    /** Total of one category in one period and perspective, all payers. */
    public double periodCategory(int p, int perspective, CostCategory category) {
        double sum = 0;
        for (Payer y : Payer.values()) {
            sum += cost[index(p, perspective, category, y)];
        }
        return sum;
    }

    /** Costs in measured year y are discounted by (1 + r)^-(y - 1): year 1 is the base year. */
    public double discountFactor(int year) {
        return Math.pow(1 + discountRate, -(year - 1));
    }

    public double discountedTotal(int perspective) {
        double sum = 0;
        for (int p = 1; p < periods.count(); p++) {
            sum += periodTotal(p, perspective, null, null) * discountFactor(p);
        }
        return sum;
    }

    public List<LedgerLine> lines() {
        List<LedgerLine> lines = new ArrayList<>();
        for (int p = 1; p < periods.count(); p++) {
            for (int s = 0; s < 2; s++) {
                for (CostCategory c : CostCategory.values()) {
                    for (Payer y : Payer.values()) {
                        double v = cost[index(p, s, c, y)];
                        if (v != 0) {
                            lines.add(new LedgerLine(p, PERSPECTIVES[s], c.sector.label(), y.label(), fund(p, c.sector, y),
                                    c.label(), v, v * discountFactor(p)));
                        }
                    }
                }
                for (int m = 0; m < mechanisms.size(); m++) {
                    for (int kind = 0; kind < 2; kind++) {
                        for (Payer y : Payer.values()) {
                            double v = integration[p][m][kind][y.ordinal()];
                            if (v != 0) {
                                lines.add(new LedgerLine(p, PERSPECTIVES[s], mechanismSector[m].label(), y.label(),
                                        fund(p, mechanismSector[m], y), "integration_" + mechanisms.get(m)
                                        + (kind == 0 ? "_setup" : "_running"), v, v * discountFactor(p)));
                            }
                        }
                    }
                }
            }
            for (Sector sector : Sector.values()) {
                for (Payer y : Payer.values()) {
                    double v = income[p][sector.ordinal()][y.ordinal()];
                    if (v != 0) {
                        lines.add(new LedgerLine(p, "income", sector.label(), y.label(), y.label(),
                                "provider_income_" + regimes[sector.ordinal()], v, v * discountFactor(p)));
                    }
                }
            }
        }
        return lines;
    }
}
