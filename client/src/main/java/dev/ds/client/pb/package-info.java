/** The client of the primary/backup key/value store. */
package dev.ds.client.pb;
