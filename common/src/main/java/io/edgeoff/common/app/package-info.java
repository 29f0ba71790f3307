/** Mobile applications as DAGs of tasks, their per-execution instances and the workload mix. */
package io.edgeoff.common.app;
