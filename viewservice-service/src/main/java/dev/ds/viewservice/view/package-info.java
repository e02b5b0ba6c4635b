/**
 * The view service core (6.824 lab 2A), a plain state machine driven by pings and ticks.
 *
 * <p>No Spring, no network, no clocks: time is the number of {@link
 * dev.ds.viewservice.view.ViewServer#tick()} calls, one per ping interval. See {@link
 * dev.ds.viewservice.view.ViewServer} for the rules, each in one place.
 */
package dev.ds.viewservice.view;
