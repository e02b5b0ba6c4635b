/** Threads around the replicated state machine core: the driver that ticks it while there is work. */
package dev.ds.rsm.runtime;
