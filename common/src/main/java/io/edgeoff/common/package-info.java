/**
 * Domain model shared by every edgeoff module: offloading sites, network links, applications
 * as task DAGs, the workload mix, the device power model, the scenario file format and the
 * cost model of the seed framework (Zilic et al., "Edge Offloading for Microservice
 * Architectures", EdgeSys 2022).
 */
package io.edgeoff.common;
