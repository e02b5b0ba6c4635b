/** Helpers for tests of real nodes on the loopback interface. */
package dev.ds.testkit.http;
