package icsim.experiment.design;

import icsim.experiment.design.MeaningfulDifference.Effect;
import icsim.experiment.design.MeaningfulDifference.Judged;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static icsim.experiment.design.Constructed.judged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each law's verdict on constructed inputs where it clearly holds and where it clearly fails. */
class VerdictLogicTest {

    @Test
    void meaningfulNeedsSignificanceAndMateriality() {
        assertEquals(Effect.BETTER, judged(-0.20, 1, true).effect());
        assertEquals(Effect.WORSE, judged(0.20, 1, true).effect());
        assertEquals(Effect.BETTER, judged(0.20, 1, false).effect(), "higher is better for days at home");
        Judged trivial = judged(-0.02, 0.1, true);
        assertTrue(trivial.difference().significantHolm(), "significant ...");
        assertEquals(Effect.NONE, trivial.effect(), "... but under 5 % of the baseline decides nothing");
        assertEquals(Effect.NONE, judged(-0.20, 400, true).effect(), "large but the interval straddles 0");
    }

    @Test
    void holmAdjustsAcrossTheFamily() {
        icsim.output.PairedComparison.Difference weak = null;
        for (double noise = 10; noise < 200 && weak == null; noise += 0.5) {
            icsim.output.PairedComparison.Difference d = Constructed.difference(1000, -0.06, noise);
            if (d.pValue() > 0.026 && d.pValue() < 0.049) {
                weak = d;
            }
        }
        Map<String, icsim.output.PairedComparison.Difference> family = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            family.put("g" + i, Constructed.difference(1000, -0.2, 0.5));
        }
        family.put("weak1", weak);
        family.put("weak2", weak);
        Map<String, Judged> j = MeaningfulDifference.judge(family, 0.05, true);
        assertEquals(Effect.BETTER, j.get("g0").effect());
        assertTrue(weak.significant(), "nominally significant ...");
        assertEquals(Effect.NONE, j.get("weak1").effect(), "... not after Holm across seven");
        assertEquals(Effect.BETTER, MeaningfulDifference.judge("alone", weak, 0.05, true).effect(), "alone it counts");
    }

    // ---- L2 ------------------------------------------------------------------------------------------------

    private static PaybackDesign.Curve jCurve(double upfront, double monthlySaving, double halfWidth) {
        int n = 60;
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int m = 0; m < n; m++) {
            mean[m] = upfront - monthlySaving * (m + 1) * (m + 1) / 60.0;
            low[m] = mean[m] - halfWidth;
            high[m] = mean[m] + halfWidth;
        }
        return new PaybackDesign.Curve(mean, low, high);
    }

    @Test
    void l2HoldsOnAJCurveThatCrossesZero() {
        PaybackDesign.Reading r = PaybackDesign.read(jCurve(1_000_000, 40_000, 100_000));
        assertTrue(r.net12() > 0);
        assertTrue(r.confirmedMonth() > r.breakEvenMonth() && r.breakEvenMonth() > 12, r.toString());
        assertTrue(PaybackDesign.holds(r, 1_000_000, 0.05));
        assertTrue(PaybackDesign.verdictText(r, 1_000_000, 0.05, 60).startsWith("Leutz's second law holds"));
    }

    @Test
    void l2SaysWhichPartFailed() {
        PaybackDesign.Reading never = PaybackDesign.read(jCurve(1_000_000, 1_000, 100_000));
        assertEquals(0, never.confirmedMonth());
        assertFalse(PaybackDesign.holds(never, 1_000_000, 0.05));
        assertTrue(PaybackDesign.verdictText(never, 1_000_000, 0.05, 60).contains("costs and never pays back"));
        PaybackDesign.Reading free = PaybackDesign.read(jCurve(-10_000, 40_000, 5_000));
        assertFalse(PaybackDesign.holds(free, 1_000_000, 0.05));
        assertTrue(PaybackDesign.verdictText(free, 1_000_000, 0.05, 60).contains("no meaningful up-front net cost before it pays"));
        PaybackDesign.Reading trivial = PaybackDesign.read(jCurve(20_000, 40_000, 5_000));
        assertFalse(PaybackDesign.costsFirst(trivial, 1_000_000, 0.05), "£20k net on £1m spent is under 5 %");
    }

    // ---- L4 ------------------------------------------------------------------------------------------------

    private static StructureCoordinationDesign.Reading l4(Judged organisation, Judged coordination, Judged between) {
        Map<String, Judged> cells = new LinkedHashMap<>();
        cells.put(StructureCoordinationDesign.ORGANISATION, organisation);
        cells.put(StructureCoordinationDesign.COORDINATION, coordination);
        cells.put(StructureCoordinationDesign.BOTH, coordination);
        return new StructureCoordinationDesign.Reading(cells, between);
    }

    @Test
    void l4HoldsWhenStructureAloneDoesLittle() {
        Judged none = judged(0.0, 5, true);
        Judged strong = judged(-0.4, 1, true);
        Judged mild = judged(-0.1, 1, true);
        assertTrue(StructureCoordinationDesign.holds(l4(none, strong, strong)));
        assertTrue(StructureCoordinationDesign.holds(l4(mild, strong, judged(-0.3, 1, true))),
                "structure helps, but meaningfully less than co-ordination");
        assertFalse(StructureCoordinationDesign.holds(l4(strong, strong, none)), "as good as co-ordination");
        assertFalse(StructureCoordinationDesign.holds(l4(none, none, none)), "co-ordination does nothing either");
        assertTrue(StructureCoordinationDesign.verdictText(l4(none, none, none), "m", false)
                .contains("co-ordination alone does not improve m meaningfully either"));
    }

    // ---- L5 ------------------------------------------------------------------------------------------------

    @Test
    void l5HoldsWhenSomePairOfLeadsDiffers() {
        Map<String, Judged> pairs = new LinkedHashMap<>();
        pairs.put("primary − acute", judged(0.01, 1, true));
        pairs.put("social_care − acute", judged(-0.001, 5, true));
        assertFalse(LeadDesign.holds(pairs));
        pairs.put("social_care − primary", judged(-0.2, 1, true));
        assertTrue(LeadDesign.holds(pairs));
    }
}
