package icsim.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvReportsTest {

    private static final List<String> FILES = List.of(CsvReports.SUMMARY, CsvReports.REPLICATIONS,
            CsvReports.BY_YEAR, CsvReports.BY_COHORT, CsvReports.TIMESERIES, CsvReports.LEDGER);

    @Test
    void writingTwiceGivesIdenticalBytes(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        CsvReports.writeAll(a, Fixtures.summary());
        CsvReports.writeAll(b, new RunSummary(List.of(Fixtures.rep0(), Fixtures.rep1())));
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void summaryContent(@TempDir Path tmp) throws Exception {
        CsvReports.writeAll(tmp, Fixtures.summary());
        assertEquals("""
                metric,mean,sd,ci_low,ci_high,n
                deaths,12,2.82843,-13.4124,37.4124,2
                cost,100,0.707107,93.6469,106.353,2
                rate,0.5,0,0.5,0.5,1
                """, read(tmp, CsvReports.SUMMARY));
    }

    @Test
    void replicationsContent(@TempDir Path tmp) throws Exception {
        CsvReports.writeAll(tmp, Fixtures.summary());
        assertEquals("""
                replication,deaths,cost,rate
                0,10,100.5,
                1,14,99.5,0.5
                """, read(tmp, CsvReports.REPLICATIONS));
    }

    @Test
    void byYearAndByCohortContent(@TempDir Path tmp) throws Exception {
        CsvReports.writeAll(tmp, Fixtures.summary());
        assertEquals("""
                year,metric,mean,sd,ci_low,ci_high,n
                1,deaths,6,2.82843,-19.4124,31.4124,2
                2,deaths,6,0,6,6,2
                """, read(tmp, CsvReports.BY_YEAR));
        assertEquals("""
                cohort,metric,mean,sd,ci_low,ci_high,n
                "frail, elderly",deaths,6,1.41421,-6.7062,18.7062,2
                young,deaths,6,1.41421,-6.7062,18.7062,2
                """, read(tmp, CsvReports.BY_COHORT));
    }

    @Test
    void timeseriesContent(@TempDir Path tmp) throws Exception {
        CsvReports.writeAll(tmp, Fixtures.summary());
        assertEquals("""
                day,service,occupancy_mean,waiting_mean,occupancy_p05,occupancy_p95
                0,acute,4,0.5,1.3,6.7
                0,care_home,4,1,3.1,4.9
                1,acute,5,1,2.3,7.7
                1,care_home,5,1,4.1,5.9
                """, read(tmp, CsvReports.TIMESERIES));
    }

    @Test
    void ledgerContent(@TempDir Path tmp) throws Exception {
        CsvReports.writeAll(tmp, Fixtures.summary());
        assertEquals("""
                year,perspective,sector,payer,fund,category,cost_mean,cost_sd,cost_ci_low,cost_ci_high,discounted_mean
                1,economic,health,nhs,core,staff,150,70.7107,-485.31,785.31,142.5
                1,financial,social,council,bcf,placements,25,35.3553,-292.655,342.655,24
                """, read(tmp, CsvReports.LEDGER));
    }

    private static String read(Path dir, String file) throws Exception {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
