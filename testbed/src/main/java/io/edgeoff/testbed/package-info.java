/**
 * Emulated multi-host test-bed (issue 9): one Linux network namespace per site of a scenario,
 * veth links shaped to the scenario's bandwidths by the kernel ({@code tc tbf}), one-way latencies
 * added by {@code tc netem} when the kernel has it and otherwise by a userspace delay relay in
 * front of each site's ports, real site and device processes, and real failures (process kill,
 * link down, degradation). Linux and root only.
 */
package io.edgeoff.testbed;
