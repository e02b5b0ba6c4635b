/**
 * The harness verbs of the 6.824 lab tests over the in-memory network: {@code start}, {@code kill},
 * {@code restart}, {@code partition}, {@code heal}, {@code setUnreliable}, and waiting for a
 * condition with a deadline ({@code await}, {@code waitN}) instead of sleeping.
 */
package dev.ds.testkit.cluster;
