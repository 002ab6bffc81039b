package icsim.output;

import java.util.Comparator;

/** Identity of a cost-ledger cell; ordered by year then the text fields lexicographically. */
public record LedgerKey(int year, String perspective, String sector, String payer, String fund, String category)
        implements Comparable<LedgerKey> {

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<LedgerKey> ORDER = Comparator.comparingInt(LedgerKey::year)
            .thenComparing(LedgerKey::perspective, TEXT)
            .thenComparing(LedgerKey::sector, TEXT)
            .thenComparing(LedgerKey::payer, TEXT)
            .thenComparing(LedgerKey::fund, TEXT)
            .thenComparing(LedgerKey::category, TEXT);

    public static LedgerKey of(ReplicationResult.LedgerLine line) {
        return new LedgerKey(line.year(), line.perspective(), line.sector(), line.payer(), line.fund(),
                line.category());
    }

    @Override
    public int compareTo(LedgerKey other) {
        return ORDER.compare(this, other);
    }
}
