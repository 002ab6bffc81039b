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

    // ---- L3 ------------------------------------------------------------------------------------------------

    @Test
    void l3HoldsWhenTheTargetGainsAndSomeoneElseLoses() {
        Map<String, Judged> others = new LinkedHashMap<>();
        others.put("under65_ltc community_wait_days_per_1000", judged(0.0, 3, true));
        others.put("over65_fit community_wait_days_per_1000", judged(0.0, 3, true));
        assertFalse(SpilloverDesign.holds(new SpilloverDesign.Reading(judged(-0.3, 1, true), others)),
                "nobody else is worse off");
        others.put("over65_mild community_wait_days_per_1000", judged(0.25, 1, true));
        SpilloverDesign.Reading harm = new SpilloverDesign.Reading(judged(-0.3, 1, true), others);
        assertTrue(SpilloverDesign.holds(harm));
        assertFalse(SpilloverDesign.holds(new SpilloverDesign.Reading(judged(-0.01, 1, true), others)),
                "the target gains too little to count");
        String text = SpilloverDesign.verdictText(harm, "m", "over65_severe", Constructed.difference(1000, 0.01, 1),
                Constructed.difference(1000, -0.01, 1));
        assertTrue(text.startsWith("Leutz's third law holds"), text);
        assertTrue(text.contains("over65_mild: community_wait_days_per_1000 (+25.0 %)"), text);
    }

    // ---- L1 ------------------------------------------------------------------------------------------------

    private static CoverageDepthDesign.Cell cell(String depth, double coverage, double averted, double cost) {
        return cell(depth, coverage, averted, cost, 0.01);
    }

    private static CoverageDepthDesign.Cell cell(String depth, double coverage, double averted, double cost, double net) {
        return new CoverageDepthDesign.Cell(depth, coverage, Constructed.difference(10_000, -averted / 10_000, 1), cost,
                Constructed.difference(1e6, net, 1), true);
    }

    private static final CoverageDepthDesign.Shapes SHAPES = new CoverageDepthDesign.Shapes("linkage", "full", 0.25, 0.5);

    @Test
    void l1HoldsWhenNarrowDeepOrBroadShallowGivesMostPerPound() {
        List<CoverageDepthDesign.Cell> cells = List.of(
                cell("full", 0.05, 300, 100_000),        // 3 bed days per £1,000: narrow and deep
                cell("linkage", 1.0, 200, 100_000),      // 2: broad and shallow
                cell("coordination", 0.5, 150, 150_000), // 1: in between
                cell("full", 1.0, 800, 1_000_000, -0.05)); // 0.8: all for all, dear, but the most net saving
        assertEquals(CoverageDepthDesign.Shape.NARROW_DEEP, SHAPES.of(cells.get(0)));
        assertEquals(CoverageDepthDesign.Shape.ALL_FOR_ALL, SHAPES.of(cells.get(3)));
        List<CoverageDepthDesign.BudgetReading> budgets = List.of(CoverageDepthDesign.atBudget(cells, 50_000, SHAPES),
                CoverageDepthDesign.atBudget(cells, 500_000, SHAPES), CoverageDepthDesign.atBudget(cells, 2e6, SHAPES));
        assertEquals(null, budgets.get(0).bestValue(), "nothing affordable at £50k");
        assertFalse(CoverageDepthDesign.holds(budgets, SHAPES), "a budget where nothing works is no support");
        budgets = budgets.subList(1, 3);
        assertEquals(cells.get(0), budgets.get(1).bestValue(), "value per £, not bed days, decides");
        assertEquals(cells.get(3), budgets.get(1).bestNet(), "the two rankings can disagree");
        assertTrue(budgets.get(1).allForAllAffordable());
        assertTrue(CoverageDepthDesign.holds(budgets, SHAPES));
    }

    @Test
    void l1FailsWhenAllForAllIsTheBestValue() {
        List<CoverageDepthDesign.Cell> cells = List.of(cell("full", 0.05, 100, 100_000), cell("full", 1.0, 5000, 1_000_000));
        List<CoverageDepthDesign.BudgetReading> budgets = List.of(CoverageDepthDesign.atBudget(cells, 2e6, SHAPES));
        assertEquals(cells.get(1), budgets.get(0).bestValue());
        assertFalse(CoverageDepthDesign.holds(budgets, SHAPES));
        assertTrue(CoverageDepthDesign.verdictText(budgets, SHAPES, List.of(1.0)).contains("all for all"));
    }
}
