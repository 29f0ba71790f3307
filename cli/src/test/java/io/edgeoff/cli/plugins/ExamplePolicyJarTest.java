package io.edgeoff.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoff.cli.CliRun;
import io.edgeoff.common.cost.CostModel;
import io.edgeoff.decision.Policies;
import io.edgeoff.decision.PolicyProvider;
import io.edgeoff.decision.external.ExternalPolicySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example policy plug-in ({@code examples/example-policy}, not a module of edgeoff) is compiled and packed into
 * its own jar here, at test time, against the decision API alone; {@code edgeoff policies}, {@code decide} and
 * {@code simulate} then pick it up from {@code --policy-path}, without edgeoff being rebuilt and without its classes
 * on the class path.
 */
public class ExamplePolicyJarTest {
    private static final String POLICY_CLASS = "com.example.policy.LeastRiskPolicy";

    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void buildTheExample() throws IOException {
        jar = buildExampleJar(dir.resolve("build"), dir.resolve("policies/example-policy.jar"));
    }

    /** The commands install the process's registry; leave the plain one for the tests that follow in this JVM. */
    @AfterEach
    void restoreThePlainRegistry() {
        Policies.install(List.of(), ExternalPolicySettings.ofDefaults());
    }

    @Test
    void theExampleJarIsNotOnTheClassPathButPoliciesListsItFromThePolicyPath() {
        CliRun run = CliRun.of("policies", "--policy-path", jar.toString());

        assertThatThrownBy(() -> Class.forName(POLICY_CLASS)).isInstanceOf(ClassNotFoundException.class);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("least-risk        example plug-in: least expected time with the risk of a "
                + "failed attempt (examples/example-policy); reacts to: forecast+suspicion, fail->retry; plug-in "
                + "com.example.policy.ExamplePolicyProvider (example-policy.jar)");
        assertThat(run.out()).contains("mdp ", "external:URL ");
    }

    @Test
    void simulateAndDecideRunTheExamplePolicyFromItsDirectory() {
        CliRun simulate = CliRun.of("simulate", "--quiet", "--no-html", "--policy-path", jar.getParent().toString(),
                "--policies", "greedy,least-risk", "--configs", "1", "--samplings", "2", "--executions", "5",
                "--out", dir.resolve("sim").toString());
        CliRun decide = CliRun.of("decide", "--policy-path", jar.toString(), "--policy", "least-risk",
                "--task-mi", "600", "--task-in-kb", "6", "--task-out-kb", "6", "--availability",
                "ED=0.2,EC=0.99,ER=0.2,CD=0.2");

        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        assertThat(simulate.out()).containsPattern("(?m)^least-risk +\\d");
        assertThat(decide.exitCode()).as(decide.err()).isZero();
        assertThat(decide.out()).contains("least-risk").contains("EC");
    }

    @Test
    void aSecondJarWithTheSameNameIsAUserErrorNamingBothJars() throws IOException {
        Path copy = Files.copy(jar, jar.resolveSibling("copy.jar"));

        CliRun run = CliRun.of("policies", "--policy-path", jar + "," + copy);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("policy 'least-risk' is registered twice: by "
                + "com.example.policy.ExamplePolicyProvider (example-policy.jar) and by "
                + "com.example.policy.ExamplePolicyProvider (copy.jar)").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aMissingPolicyPathIsAUserError() {
        CliRun run = CliRun.of("simulate", "--policy-path", dir.resolve("nope.jar").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--policy-path " + dir.resolve("nope.jar") + " does not exist");
    }

    @Test
    void aProviderWithAnInvalidNameOrThatThrowsIsAUserErrorNamingIt() throws IOException {
        Path badName = providerJar("BadName", "return java.util.List.of(new io.edgeoff.decision.PolicySpec(\"my policy\", "
                + "\"d\", io.edgeoff.decision.FailureResponse.DEVICE_ONLY, io.edgeoff.decision.SuspicionResponse.IGNORE, "
                + "false, ctx -> null));");
        Path throwing = providerJar("Throwing", "throw new IllegalStateException(\"no model file\");");

        CliRun invalid = CliRun.of("policies", "--policy-path", badName.toString());
        CliRun failing = CliRun.of("simulate", "--policy-path", throwing.toString());

        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).contains("policy provider test.BadName (BadName.jar) has an invalid policy name "
                + "'my policy'; a name is 1 to 64 characters of a-z A-Z 0-9 . _ -");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.err()).contains("policy provider test.Throwing (Throwing.jar) failed: no model file")
                .doesNotContain("\tat ");
    }

    /** A jar with one provider {@code test.NAME} whose {@code policies()} body is {@code body}. */
    private Path providerJar(String name, String body) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + name + "/test")).resolve(name + ".java");
        Files.writeString(src, "package test;\npublic final class " + name + " implements io.edgeoff.decision.PolicyProvider {\n"
                + "  public java.util.List<io.edgeoff.decision.PolicySpec> policies() { " + body + " }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes-" + name));
        String classPath = location(PolicyProvider.class) + java.io.File.pathSeparator + location(CostModel.class);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-classpath", classPath,
                "-d", classes.toString(), src.toString())).as("javac exit code").isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("test/" + name + ".class"));
            Files.copy(classes.resolve("test/" + name + ".class"), (OutputStream) out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/io.edgeoff.decision.PolicyProvider"));
            out.write(("test." + name + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Compiles {@code examples/example-policy} against the decision and common classes alone, with its services file. */
    public static Path buildExampleJar(Path classes, Path jar) throws IOException {
        Path example = repoRoot().resolve("examples/example-policy");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(example.resolve("src/main/java"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
        }
        String classPath = location(PolicyProvider.class) + java.io.File.pathSeparator + location(CostModel.class);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-classpath", classPath, "-d", classes.toString()));
        args.addAll(sources);
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit code").isZero();
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : List.of(classes, example.resolve("src/main/resources"))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, (OutputStream) out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/example-policy"))) {
            p = p.getParent();
        }
        assertThat(p).as("examples/example-policy above " + Path.of("").toAbsolutePath()).isNotNull();
        return p;
    }
}
