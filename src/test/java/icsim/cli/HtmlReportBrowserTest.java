package icsim.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * report.html in a real browser: headless Chromium loads the page from disk, and its DOM must hold the inline SVG
 * charts with nothing logged to the console. A missing chromium fails the test (CI installs it), unless
 * ICSIM_SKIP_BROWSER=1 says this machine has none. Screenshots go to target/report-screenshots/ for a human to look
 * at.
 */
class HtmlReportBrowserTest {
    static final String SKIP = "ICSIM_SKIP_BROWSER";
    static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path shared;
    static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium", "chromium-browser");
        if (chromium == null) {
            String message = "chromium (or chromium-browser) is not on PATH: install it (Debian: apt-get install "
                    + "chromium) to check report.html in a browser, or set " + SKIP + "=1 to skip this test locally";
            Assumptions.assumeFalse("1".equals(System.getenv(SKIP)), message);
            fail(message);
        }
    }

    @Test
    void runReportRendersEveryChart() throws Exception {
        Cli.Result r = Cli.run(HtmlReportEndToEndTest.args("run", List.of("scenarios/full.yaml"), shared, "--report"));
        assertEquals(0, r.exit(), r::toString);
        checkInBrowser(shared.resolve("full").resolve(HtmlReportEndToEndTest.REPORT), HtmlReportEndToEndTest.CHARTS,
                "run");
    }

    @Test
    void compareReportRendersEveryChart() throws Exception {
        Cli.Result r = Cli.run(HtmlReportEndToEndTest.args("compare", List.of("scenarios/fragmented.yaml",
                "scenarios/coordination.yaml", "scenarios/full.yaml"), shared, "--report"));
        assertEquals(0, r.exit(), r::toString);
        Path compare = shared.resolve("comparison");
        checkInBrowser(compare.resolve(HtmlReportEndToEndTest.REPORT),
                HtmlReportEndToEndTest.CHARTS + HtmlReportEndToEndTest.perspectives(compare), "compare");
    }

    /** The check itself must catch a broken page, or a clean log would prove nothing. */
    @Test
    void consoleErrorsAreCaught(@TempDir Path tmp) throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom'); "
                + "undefinedFunction();</script></body></html>");
        Browser b = browse(page, tmp, "--dump-dom");
        assertEquals(2, consoleErrors(b.stderr).size(), b.stderr);
    }

    private static void checkInBrowser(Path report, int charts, String name) throws Exception {
        Path work = Files.createTempDirectory(shared, "browser");
        Browser dom = browse(report, work, "--dump-dom");
        assertEquals(0, dom.exit, () -> "chromium exit code; stderr:\n" + dom.stderr);
        assertEquals(List.of(), consoleErrors(dom.stderr), "console errors while loading " + report);
        assertEquals(charts, occurrences(dom.stdout, "<svg "), "the rendered DOM holds every chart as SVG");
        for (String id : HtmlReportEndToEndTest.SECTIONS) {
            assertTrue(dom.stdout.contains("<section id=\"" + id + "\""), "section " + id + " in the DOM");
        }
        assertTrue(dom.stdout.contains("<text") && dom.stdout.contains("<path"), "the SVGs were parsed, not escaped");

        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve(name + ".png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Browser screenshot = browse(report, work, "--screenshot=" + shot, "--window-size=1280,4000");
        assertEquals(0, screenshot.exit, () -> "chromium exit code; stderr:\n" + screenshot.stderr);
        assertEquals(List.of(), consoleErrors(screenshot.stderr));
        byte[] png = Files.readAllBytes(shot);
        assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1), "a PNG file");
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        assertEquals(1280, header.getInt(), "screenshot width");
        assertEquals(4000, header.getInt(), "screenshot height");
    }

    private record Browser(int exit, String stdout, String stderr) {
    }

    /** Runs headless chromium on page with its own profile folder, and waits at most two minutes. */
    private static Browser browse(Path page, Path work, String... mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + work.resolve("profile").toAbsolutePath()));
        command.addAll(List.of(mode));
        command.add(page.toAbsolutePath().toUri().toString());
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("chromium did not finish within 2 minutes: " + String.join(" ", command));
        }
        return new Browser(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Console messages in chromium's log. The page has no script, so any message means something went wrong (a
     * failed load, a parse error); chromium logs even console.error and uncaught exceptions as INFO:CONSOLE lines,
     * so the level cannot tell errors apart.
     */
    static List<String> consoleErrors(String stderr) {
        return stderr.lines().filter(l -> l.contains("CONSOLE")).toList();
    }

    private static int occurrences(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Path onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
