/** {@code edgeoff testbed}: the emulated multi-host test-bed (build, measure, clean up, run). */
package io.edgeoff.cli.testbed;
