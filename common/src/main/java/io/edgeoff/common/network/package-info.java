/** Symmetric network links between sites and their resolution into a latency/bandwidth matrix. */
package io.edgeoff.common.network;
