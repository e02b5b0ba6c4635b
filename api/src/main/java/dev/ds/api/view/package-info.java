/**
 * The view service protocol (6.824 lab 2, part A; CONTRACT.md section 4).
 *
 * <p>Each key/value server pings the view service every ping interval with the number of the
 * latest view it knows ({@link dev.ds.api.view.PingArgs}); the answer is the current {@link
 * dev.ds.api.view.View}. A server that misses {@code dead-pings} intervals in a row is dead; a
 * server that pings 0 has restarted and lost its data. The view service moves from view i to view
 * i+1 only after the primary of view i has pinged with i (acknowledged it), so that the primary
 * can never miss a view in which it stops being primary. It promotes only the backup of an
 * acknowledged view, so a server that never received the data never becomes primary; it fills an
 * empty backup slot with an idle server.
 */
package dev.ds.api.view;
