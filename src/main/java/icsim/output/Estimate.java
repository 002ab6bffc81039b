package icsim.output;

/**
 * Summary of one quantity across replications. Fields are NaN when no replication produced a finite
 * value (then n is 0).
 *
 * @param mean   sample mean of the finite values
 * @param sd     sample standard deviation (n-1 denominator); 0 when n is 1
 * @param ciLow  lower bound of the confidence interval for the mean
 * @param ciHigh upper bound of the confidence interval for the mean
 * @param n      number of finite values used
 */
public record Estimate(double mean, double sd, double ciLow, double ciHigh, int n) {

    /** Half the width of the confidence interval (0 when n is 1, NaN when n is 0). */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2.0;
    }
}
