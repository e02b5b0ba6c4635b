/** Spring wiring of the catch-up call; services import what they need explicitly. */
package dev.ds.rsm.boot;
