/** Helpers for key/value store tests: a recording client and the 6.824 append checks. */
package dev.ds.testkit.kv;
