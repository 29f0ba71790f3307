/** Offloading sites: the mobile device, edge servers and cloud data centres. */
package io.edgeoff.common.site;
