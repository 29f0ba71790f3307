package io.edgeoff.database;

/** Whether an experiment ran in the simulator (virtual time) or against live offloading sites. */
public enum RunMode {
    SIMULATED,
    LIVE
}
