/**
 * The deterministic compute kernel that gives a task its real work, shared by the offloading site (remote
 * execution) and the mobile device (local execution), so a task does the same work wherever it runs and
 * a client can check a site's output.
 */
package io.edgeoff.common.compute;
