/**
 * Recording of concurrent client histories for the linearizability checker: what each client asked, what it was
 * answered, and the real-time interval of each operation.
 */
package dev.ds.testkit.history;
