package icsim.output;

/**
 * One ledger cell aggregated across replications.
 *
 * @param key            the cell
 * @param cost           estimate of undiscounted cost; a replication without this cell counts as 0
 * @param discountedMean mean discounted cost, missing counted as 0
 */
public record LedgerSummary(LedgerKey key, Estimate cost, double discountedMean) {
}
