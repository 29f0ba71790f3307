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

    /** {@code java -cp <current classpath> <small-JVM flags>} with a 96 MB heap. */
    public static List<String> jvm() {
        return jvm(96);
    }

    /** {@code java -cp <current classpath> <small-JVM flags>} with a heap of {@code heapMegabytes}. */
    public static List<String> jvm(int heapMegabytes) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "-Xms16m", "-Xmx" + heapMegabytes + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Djava.net.preferIPv4Stack=true");
    }

    /** {@code java ... mainClassName args...} for a class this module cannot name (e.g. the CLI's). */
    public static List<String> of(String mainClassName, int heapMegabytes, List<String> args) {
        List<String> cmd = new ArrayList<>(jvm(heapMegabytes));
        cmd.add(mainClassName);
        cmd.addAll(args);
        return cmd;
    }
}
