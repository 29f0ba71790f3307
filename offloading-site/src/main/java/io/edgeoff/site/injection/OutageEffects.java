package io.edgeoff.site.injection;

/** What an outage does to the running site; implemented by the site server. */
public interface OutageEffects {
    /** Stops accepting connections (mode {@code refuse}). */
    void stopListening();

    /** Accepts connections again. */
    void startListening();

    /** Ends the process at once with {@code exitCode} (mode {@code crash}). */
    void crash(int exitCode);
}
