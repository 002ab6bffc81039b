package icsim.scenario;

/**
 * A scenario that cannot be used: unreadable file, bad YAML, unknown or missing key, wrong type, number out of
 * range or a broken cross-field rule. {@link #getMessage()} is one line, {@code <file>: <yaml path>: <problem>},
 * and the problem says what is wrong and how to fix it.
 */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String yamlPath;
    private final String problem;

    /**
     * @param file     the scenario file as the user gave it (or a label such as "override")
     * @param yamlPath dotted snake_case path such as {@code services.acute_beds.per_100k}; empty or null if the
     *                 problem is about the whole file
     * @param problem  what is wrong and how to fix it
     */
    public ScenarioException(String file, String yamlPath, String problem) {
        this(file, yamlPath, problem, null);
    }

    public ScenarioException(String file, String yamlPath, String problem, Throwable cause) {
        super(oneLine(problem), cause);
        this.file = oneLine(file);
        this.yamlPath = oneLine(yamlPath);
        this.problem = oneLine(problem);
    }

    /** The scenario file as the user gave it. */
    public String file() {
        return file;
    }

    /** Dotted snake_case YAML path ({@code run.seed}, {@code step_up.referral_routes[1]}); may be empty. */
    public String yamlPath() {
        return yamlPath;
    }

    /** What is wrong and how to fix it, without file or path. */
    public String problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        StringBuilder b = new StringBuilder();
        if (!file.isEmpty()) {
            b.append(file).append(": ");
        }
        if (!yamlPath.isEmpty()) {
            b.append(yamlPath).append(": ");
        }
        return b.append(problem).toString();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
