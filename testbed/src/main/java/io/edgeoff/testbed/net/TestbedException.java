package io.edgeoff.testbed.net;

/** A system operation of the test-bed failed (a command, a process, a probe). */
public class TestbedException extends io.edgeoff.common.process.ProcessException {
    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
