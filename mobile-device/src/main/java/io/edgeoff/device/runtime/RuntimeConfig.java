package io.edgeoff.device.runtime;

/**
 * Settings of the device runtime.
 *
 * @param threads             worker threads running ready tasks in parallel (default 8)
 * @param excludeSuspected    never offload to a site the failure detector suspects (default true)
 * @param maxRemoteAttempts   failed remote attempts after which a task runs on the device (default 4)
 * @param verifyOutputs       check every site's output against the shared compute kernel; a wrong output
 *                            is a failed attempt (default true; costs the device the kernel's real work,
 *                            about 2 % of a task's rated time at the site)
 */
public record RuntimeConfig(int threads, boolean excludeSuspected, int maxRemoteAttempts, boolean verifyOutputs) {
    public RuntimeConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
        }
        if (maxRemoteAttempts < 1) {
            throw new IllegalArgumentException("maxRemoteAttempts must be >= 1, but was " + maxRemoteAttempts);
        }
    }

    public static RuntimeConfig ofDefaults() {
        return new RuntimeConfig(8, true, 4, true);
    }
}
