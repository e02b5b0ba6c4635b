/**
 * A Porcupine-style linearizability checker: the Wing &amp; Gong (1993) backtracking search with Lowe's (2017, "Testing
 * for linearizability") cache of visited configurations, run separately on each partition of a history
 * (P-compositionality), against a pluggable sequential {@link dev.ds.testkit.linearizability.Model}.
 */
package dev.ds.testkit.linearizability;
