/** {@code edgeoff simulate}: the simulator's command line (experiments, weight sweep, bench). */
package io.edgeoff.cli.simulator;
