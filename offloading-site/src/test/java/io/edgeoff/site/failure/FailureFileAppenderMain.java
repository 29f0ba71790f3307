package io.edgeoff.site.failure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link FailureFileCrashSafetyTest}: appends records to the failure file in
 * {@code args[0]} forever, printing {@code ACK <sequence>} after each append has returned.
 */
public final class FailureFileAppenderMain {
    private FailureFileAppenderMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        FailureFile file = FailureFile.open(Path.of(args[0]), new FailureFileOptions(4096, 1000), Clock.systemUTC());
        out.println("READY " + file.recovery().discardedBytes());
        out.flush();
        while (true) {
            long next = file.last().map(r -> r.sequence() + 1).orElse(1L);
            FailureRecord r = file.append(FailureEventType.OVERLOAD, FailureFileCrashSafetyTest.detailFor(next));
            out.println("ACK " + r.sequence());
            out.flush();
        }
    }
}
