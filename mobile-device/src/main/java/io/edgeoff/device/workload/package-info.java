/** The seed's mixed workload (ORIGINAL.md section 3), seeded. */
package io.edgeoff.device.workload;
