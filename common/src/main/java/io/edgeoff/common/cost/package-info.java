/**
 * The seed framework's cost model: per-task time (uplink, execution, downlink), device energy for
 * each from/to case, the cost of a failed offloading attempt, and the seed's sigmoid reward.
 * See {@code ../shared/reference/ORIGINAL.md} section 4 and {@code docs/ARCHITECTURE.md}.
 */
package io.edgeoff.common.cost;
