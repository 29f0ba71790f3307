/** The scenario file (YAML): sites, links, task kinds, applications, workload, device power, configurations. */
package io.edgeoff.common.scenario;
