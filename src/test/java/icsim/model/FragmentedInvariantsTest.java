package icsim.model;

/** The conservation laws of {@link CareSystemInvariants} on the fragmented baseline. */
class FragmentedInvariantsTest extends CareSystemInvariants {
    @Override
    String scenarioFile() {
        return "scenarios/fragmented.yaml";
    }
}
