package icsim.model;

/**
 * The age and frailty structure that the 65+ population settles at under the replacement rule (MODEL.md §2):
 * entrants at 65 with the entrant frailty mix, ageing, frailty progression and deaths, solved on a grid of
 * ages from 65 to {@link #OLDEST}. Starting a run here means no drift in the population's structure: a run
 * started from a census pyramid instead ages or rejuvenates year by year, and that trend would be read as
 * a result.
 */
final class StationaryStructure {
    static final double OLDEST = 110;
    static final double STEP = 0.05;

    /** mass[i][f]: share of the 65+ population aged [65 + i STEP, 65 + (i+1) STEP) in frailty state f. */
    final double[][] mass;
    private final double[] cumulative;

    /**
     * @param frailtyPerYear transition rates [from state 0..2][age band]
     * @param deathPerYear   all-cause death hazards [frailty][age band]
     * @param entrants       frailty mix of entrants at 65
     */
    StationaryStructure(double[][] frailtyPerYear, double[][] deathPerYear, double[] entrants) {
        int cells = (int) Math.round((OLDEST - 65) / STEP);
        mass = new double[cells][4];
        double[] n = entrants.clone();
        double total = 0;
        for (int i = 0; i < cells; i++) {
            int band = Rates.ageBand(65 + (i + 0.5) * STEP);
            double[] next = new double[4];
            for (int f = 0; f < 4; f++) {
                mass[i][f] = n[f] * STEP;
                total += mass[i][f];
                double up = f < 3 ? frailtyPerYear[f][band] : 0;
                double stay = Math.exp(-(up + deathPerYear[f][band]) * STEP);
                next[f] += n[f] * stay;
                if (f < 3) {
                    // moved up during the step (and survived it, approximately)
                    next[f + 1] += n[f] * (1 - stay) * up / (up + deathPerYear[f][band]);
                }
            }
            n = next;
        }
        cumulative = new double[cells * 4];
        double acc = 0;
        for (int i = 0; i < cells; i++) {
            for (int f = 0; f < 4; f++) {
                mass[i][f] /= total;
                acc += mass[i][f];
                cumulative[i * 4 + f] = acc;
            }
        }
    }

    /** Share of the 65+ population in each age band (0 = 65-74) and frailty state. */
    double[][] byBandAndFrailty() {
        double[][] m = new double[3][4];
        for (int i = 0; i < mass.length; i++) {
            int band = Rates.ageBand(65 + (i + 0.5) * STEP);
            for (int f = 0; f < 4; f++) {
                m[band][f] += mass[i][f];
            }
        }
        return m;
    }

    /** Draws (age, frailty) from the structure: u picks the cell, v the age within it. */
    double[] sample(double u, double v) {
        int cell = java.util.Arrays.binarySearch(cumulative, u);
        cell = cell >= 0 ? cell : Math.min(cumulative.length - 1, -cell - 1);
        return new double[]{65 + (cell / 4 + v) * STEP, cell % 4};
    }
}
