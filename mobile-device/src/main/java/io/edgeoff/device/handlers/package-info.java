/**
 * Task handlers on the device: local execution of a handler by name ({@link io.edgeoff.device.handlers.LocalHandlers},
 * the same handlers and budgets the sites run) and which sites can run a task ({@link io.edgeoff.device.handlers.HandlerSupport},
 * from the handlers each site advertises), for the placement loop.
 */
package io.edgeoff.device.handlers;
