package io.edgeoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The container images run the CLI jar as the manifests expect. Base images cannot be pulled
 * here, so the Dockerfile's entrypoint is run with the host's java against the jar it copies, the
 * Jib profile is checked against the jar and the manifests, and an image built offline by
 * {@code deploy/docker/build-test-image.sh} (when present) is unpacked and its entrypoint run.
 */
class ContainerImageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE_JAR = "/opt/edgeoff/edgeoff.jar";

    @Test
    void dockerfileEntrypointWithItsEnvironmentStartsTheCliJar() throws IOException {
        Path jar = cliJar();
        Dockerfile dockerfile = Dockerfile.read();

        assertThat(dockerfile.copies()).containsEntry("edgeoff.jar", IMAGE_JAR);
        List<String> command = new ArrayList<>(dockerfile.entrypoint());
        command.replaceAll(w -> w.equals(IMAGE_JAR) ? jar.toString() : w);
        command.set(0, Processes.javaExecutable().toString());
        command.add("--version");
        Processes.Result result = Processes.run(command, dockerfile.env(), null, Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("edgeoff 0.1.0");
    }

    @Test
    void dockerfileAndJibProfileAgreeWithEachOtherTheJarAndTheManifests() throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        Element jib = jibConfiguration();
        Container site = siteContainer();
        var securityContext = ManifestInvariantsTest.sites(ManifestInvariantsTest.rendered("base")).get(0)
                .template().getSpec().getSecurityContext();

        assertThat(dockerfile.from()).matches("[a-z0-9./-]+:17\\.[0-9._]+-jre-[a-z]+");
        assertThat(text(jib, "from/image")).isEqualTo(dockerfile.from());
        assertThat(texts(jib, "from/platforms/platform/architecture")).containsExactly("amd64", "arm64", "arm");
        assertThat(text(jib, "to/image")).isEqualTo("${edgeoff.image}");
        assertThat(jibProperty("edgeoff.image")).isEqualTo(site.getImage());
        assertThat(text(jib, "container/mainClass")).isEqualTo(mainClassOf(cliJar()));
        assertThat(text(jib, "container/user")).isEqualTo(dockerfile.user())
                .isEqualTo(securityContext.getRunAsUser() + ":" + securityContext.getRunAsGroup());
        assertThat(text(jib, "container/ports/port")).isEqualTo(dockerfile.expose())
                .isEqualTo(String.valueOf(site.getPorts().get(0).getContainerPort()));
        assertThat(texts(jib, "container/jvmFlags/jvmFlag"))
                .containsExactlyElementsOf(dockerfile.entrypoint().subList(1, dockerfile.entrypoint().indexOf("-jar")));
        assertThat(text(jib, "container/environment/JAVA_TOOL_OPTIONS"))
                .isEqualTo(dockerfile.env().get("JAVA_TOOL_OPTIONS"))
                .isEqualTo(site.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
                        .map(EnvVar::getValue).findFirst().orElseThrow());
    }

    @Test
    void jibImageBuiltOfflineRunsItsEntrypointAsTheUserAndPortTheManifestsUse(@TempDir Path rootfs) throws IOException {
        Path image = RepoFiles.resolve("cli/target/edgeoff-image-test.tar");
        assumeTrue(Files.isRegularFile(image), "no offline image: run deploy/docker/build-test-image.sh");
        Processes.Result untar = Processes.run(List.of("tar", "-xf", image.toString(), "-C", rootfs.toString()),
                Map.of(), null, Duration.ofSeconds(30));
        assertThat(untar.exitCode()).as(untar.output()).isZero();
        JsonNode manifest = JSON.readTree(rootfs.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(rootfs.resolve(manifest.get("Config").asText()).toFile()).get("config");
        Path fs = Files.createDirectories(rootfs.resolve("fs"));
        for (JsonNode layer : manifest.get("Layers")) {
            Processes.run(List.of("tar", "-xzf", rootfs.resolve(layer.asText()).toString(), "-C", fs.toString()),
                    Map.of(), null, Duration.ofSeconds(30));
        }

        List<String> command = new ArrayList<>();
        config.get("Entrypoint").forEach(w -> command.add(w.asText()));
        command.set(0, Processes.javaExecutable().toString());
        String appDir = fs.resolve("app").toString();
        Path classpathFile = fs.resolve("app/jib-classpath-file");
        Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app", appDir));
        command.replaceAll(w -> w.replace("@/app/", "@" + appDir + "/"));
        command.add("--version");
        Processes.Result result = Processes.run(command, Map.of(), null, Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("edgeoff 0.1.0");
        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        assertThat(config.get("ExposedPorts").has(siteContainer().getPorts().get(0).getContainerPort() + "/tcp")).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------

    static Path cliJar() {
        Path jar = RepoFiles.resolve("cli/target/edgeoff.jar");
        assumeTrue(Files.isRegularFile(jar), "cli/target/edgeoff.jar not built (the reactor builds cli first)");
        return jar;
    }

    private static Container siteContainer() {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed");
        return ManifestInvariantsTest.sites(ManifestInvariantsTest.rendered("base")).get(0)
                .template().getSpec().getContainers().get(0);
    }

    private static String mainClassOf(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getManifest().getMainAttributes().getValue("Main-Class");
        }
    }

    private static Document cliPom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(RepoFiles.resolve("cli/pom.xml").toFile());
    }

    private static Element imageProfile() throws Exception {
        NodeList profiles = cliPom().getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if (text(p, "id").equals("image")) {
                return p;
            }
        }
        throw new AssertionError("cli/pom.xml has no profile 'image'");
    }

    private static Element jibConfiguration() throws Exception {
        NodeList plugins = imageProfile().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (text(plugin, "artifactId").equals("jib-maven-plugin")) {
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("the image profile has no jib-maven-plugin");
    }

    private static String jibProperty(String name) throws Exception {
        return text(imageProfile(), "properties/" + name);
    }

    private static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element root, String path) {
        Element e = root;
        for (String step : path.split("/")) {
            e = child(e, step);
        }
        return e.getTextContent().strip();
    }

    /** Texts of every element at {@code path} (each step may match several elements). */
    private static List<String> texts(Element root, String path) {
        List<Element> level = List.of(root);
        for (String step : path.split("/")) {
            List<Element> next = new ArrayList<>();
            for (Element parent : level) {
                for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals(step)) {
                        next.add(e);
                    }
                }
            }
            level = next;
        }
        return level.stream().map(e -> e.getTextContent().strip()).toList();
    }

    /** The few Dockerfile instructions the image uses (one stage, exec-form ENTRYPOINT). */
    record Dockerfile(String from, Map<String, String> copies, String user, String expose,
                      Map<String, String> env, List<String> entrypoint) {

        private static final Pattern ENV = Pattern.compile("(\\w+)=\"([^\"]*)\"");

        static Dockerfile read() throws IOException {
            String from = null;
            String user = null;
            String expose = null;
            Map<String, String> copies = new java.util.LinkedHashMap<>();
            Map<String, String> env = new java.util.LinkedHashMap<>();
            List<String> entrypoint = List.of();
            for (String line : Files.readString(RepoFiles.resolve("deploy/docker/Dockerfile")).replace("\\\n", " ").lines().toList()) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length < 2 || parts[0].startsWith("#")) {
                    continue;
                }
                switch (parts[0]) {
                    case "FROM" -> from = parts[1];
                    case "COPY" -> copies.put(parts[1].split("\\s+")[0], parts[1].split("\\s+")[1]);
                    case "USER" -> user = parts[1];
                    case "EXPOSE" -> expose = parts[1];
                    case "ENV" -> {
                        Matcher m = ENV.matcher(parts[1]);
                        while (m.find()) {
                            env.put(m.group(1), m.group(2));
                        }
                    }
                    case "ENTRYPOINT" -> entrypoint = List.of(JSON.readValue(parts[1], String[].class));
                    default -> {
                    }
                }
            }
            return new Dockerfile(from, copies, user, expose, env, entrypoint);
        }
    }
}
