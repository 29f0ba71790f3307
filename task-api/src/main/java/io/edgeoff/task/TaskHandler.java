package io.edgeoff.task;

import java.util.Map;

/**
 * A named, stateless function from input bytes and parameters to output bytes: the unit of work that
 * edgeoff offloads. One instance may be called by many threads at once, so it keeps no state between
 * calls; the same input and parameters must give the same output on the device and on every site.
 *
 * <p>Register an implementation (public, with a public no-argument constructor) in its jar's
 * {@code META-INF/services/io.edgeoff.task.TaskHandler}; {@link HandlerRegistry} finds it by
 * {@link #name()}.
 */
public interface TaskHandler {
    /**
     * @return the handler's name, unique among the handlers of a class path: 1 to 64 characters of
     *     {@code a-z 0-9 . _ -}, starting with a letter or digit (see {@link HandlerNames})
     */
    String name();

    /**
     * Runs the function.
     *
     * @param input       the task's input bytes (the handler must not keep or change them)
     * @param parameters  the task's parameters, never null (may be empty)
     * @param context     the call's budget: long loops call {@link HandlerContext#checkpoint()} now and then,
     *                    so that a call over its time or memory budget stops early
     * @return the output bytes, never null
     * @throws IllegalArgumentException for input or parameters the handler cannot process (reported as such)
     * @throws Exception for anything else that went wrong (reported as a failed handler)
     */
    byte[] handle(byte[] input, Map<String, String> parameters, HandlerContext context) throws Exception;

    /** @return one line saying what the handler computes, for listings */
    default String description() {
        return "";
    }
}
