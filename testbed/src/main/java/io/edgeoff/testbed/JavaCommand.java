package io.edgeoff.testbed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a class of this code base in a fresh JVM, with the classpath and
 * Java executable of the current process (the shaded {@code edgeoff.jar} from the CLI, the test
 * classpath under Maven) and a small heap, so several node processes fit the machine.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** {@code java -cp <current classpath> <small-JVM flags> mainClass args...}. */
    public static List<String> of(Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** {@code java -cp <current classpath> <small-JVM flags>}. */
    public static List<String> jvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "-Xms16m", "-Xmx96m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.net.preferIPv4Stack=true");
    }
}
