package icsim.report;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the libraries the running program was built with, read at run time from what the build left
 * behind, never written in the code: a library's own {@code META-INF/maven/<group>/<artifact>/pom.properties};
 * else the version in the name of the jar it was loaded from (Maven's {@code artifact-version.jar}, as when
 * run from the build folder); else the version icsim's pom.xml declared for it, which the jar plugin stores in
 * the icsim jar ({@code META-INF/maven/icsim/icsim/pom.xml}). "unknown" when none of these is there.
 */
public final class SoftwareVersions {
    /** One library: what it is for, its Maven coordinates, a class of it, and the version found. */
    public record Library(String name, String role, String group, String artifact, String version, String foundIn) {
    }

    private static final String ICSIM_POM = "META-INF/maven/icsim/icsim/pom.xml";

    private SoftwareVersions() {
    }

    /** The libraries of the simulation, in order of importance to the results. */
    public static List<Library> libraries() {
        Map<String, String> declared = declaredVersions();
        List<Library> out = new ArrayList<>();
        out.add(find("SSJ", "event engine (Simulator, event list interface), distributions (inverseF)",
                "ca.umontreal.iro.simul", "ssj", "umontreal.ssj.simevents.Simulator", declared));
        out.add(find("Apache Commons Math", "Student-t quantiles and tests, percentiles",
                "org.apache.commons", "commons-math3", "org.apache.commons.math3.distribution.TDistribution", declared));
        out.add(find("Jackson databind", "scenario records, run.json",
                "com.fasterxml.jackson.core", "jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper", declared));
        out.add(find("Jackson YAML", "scenario files",
                "com.fasterxml.jackson.dataformat", "jackson-dataformat-yaml",
                "com.fasterxml.jackson.dataformat.yaml.YAMLMapper", declared));
        out.add(find("SnakeYAML", "YAML parser under Jackson; scenario comments for this report",
                "org.yaml", "snakeyaml", "org.yaml.snakeyaml.Yaml", declared));
        out.add(find("picocli", "command line", "info.picocli", "picocli", "picocli.CommandLine", declared));
        return out;
    }

    private static Library find(String name, String role, String group, String artifact, String probe,
                                Map<String, String> declared) {
        String v = pomProperties(group, artifact);
        if (v != null) {
            return new Library(name, role, group, artifact, v, "pom.properties");
        }
        v = jarName(artifact, probe);
        if (v != null) {
            return new Library(name, role, group, artifact, v, "jar file name");
        }
        v = declared.get(group + ":" + artifact);
        if (v != null) {
            return new Library(name, role, group, artifact, v, "icsim pom.xml in the jar");
        }
        return new Library(name, role, group, artifact, "unknown", "not found");
    }

    private static String pomProperties(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = SoftwareVersions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || v.isBlank() ? null : v.strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** "3.3.2" from .../ssj-3.3.2.jar, the jar the probe class was loaded from; null otherwise. */
    private static String jarName(String artifact, String probe) {
        try {
            Class<?> c = Class.forName(probe, false, SoftwareVersions.class.getClassLoader());
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            URL location = cs == null ? null : cs.getLocation();
            if (location == null) {
                return null;
            }
            String file = Path.of(location.toURI()).getFileName().toString();
            Matcher m = Pattern.compile(Pattern.quote(artifact) + "-(\\d[^/]*)\\.jar").matcher(file);
            return m.matches() ? m.group(1) : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    /** group:artifact to version as icsim's own pom.xml declares them (properties resolved); empty if absent. */
    static Map<String, String> declaredVersions() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = SoftwareVersions.class.getClassLoader().getResourceAsStream(ICSIM_POM)) {
            if (in == null) {
                return out;
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(in);
            Map<String, String> props = new HashMap<>();
            Element project = doc.getDocumentElement();
            for (Element p : children(project, "properties")) {
                NodeList list = p.getChildNodes();
                for (int i = 0; i < list.getLength(); i++) {
                    if (list.item(i) instanceof Element e) {
                        props.put(e.getTagName(), e.getTextContent().strip());
                    }
                }
            }
            for (Element deps : children(project, "dependencies")) {
                for (Element d : children(deps, "dependency")) {
                    String g = text(d, "groupId");
                    String a = text(d, "artifactId");
                    String v = text(d, "version");
                    if (g != null && a != null && v != null) {
                        out.put(g + ":" + a, resolve(v, props));
                    }
                }
            }
        } catch (Exception e) {
            // an unreadable pom only means the versions are not known from it
        }
        return out;
    }

    private static String resolve(String v, Map<String, String> props) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(v);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String tag) {
        List<Element> e = children(parent, tag);
        return e.isEmpty() ? null : e.get(0).getTextContent().strip();
    }
}
