/**
 * Failure injection for experiments: outages in four modes (crash, refuse, hang, error) started by
 * the admin endpoint or by replaying a failure trace with a time-compression factor.
 */
package io.edgeoff.site.injection;
