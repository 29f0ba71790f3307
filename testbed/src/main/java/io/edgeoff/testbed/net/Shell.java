package io.edgeoff.testbed.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs system commands ({@code ip}, {@code tc}, {@code kill}) and reports failures with their output. */
public interface Shell {

    /**
     * Runs {@code command} and returns its standard output.
     *
     * @throws TestbedException naming the command and its standard error when it exits non-zero
     */
    String run(List<String> command);

    /** Runs {@code command}, ignoring a non-zero exit (for best-effort clean-up). */
    default boolean tryRun(List<String> command) {
        try {
            run(command);
            return true;
        } catch (TestbedException e) {
            return false;
        }
    }

    /** The shell that starts real processes. */
    static Shell system() {
        return command -> {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                byte[] err = p.getErrorStream().readAllBytes();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new TestbedException(String.join(" ", command) + ": timed out");
                }
                if (p.exitValue() != 0) {
                    throw new TestbedException(String.join(" ", command) + ": exit " + p.exitValue() + ": "
                            + new String(err, StandardCharsets.UTF_8).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TestbedException(String.join(" ", command) + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestbedException(String.join(" ", command) + ": interrupted", e);
            }
        };
    }
}
