/**
 * The primary/backup replication protocol between key/value servers (6.824 lab 2B).
 *
 * <p>The primary of view n forwards every write to the backup of view n ({@link
 * dev.ds.api.pb.PbApi#FORWARD}) and answers the client only once the backup has applied it. It
 * confirms every read with the backup too ({@link dev.ds.api.pb.PbApi#CONFIRM}), so a primary that
 * has been replaced, and whose successor therefore refuses it, never answers with stale data.
 * When a view gives the primary a new backup, the primary first acknowledges the view to the view
 * service, then hands the backup its whole state ({@link dev.ds.api.pb.PbApi#TRANSFER}: the data
 * and the at-most-once table) before it serves again. A backup accepts these calls only from the
 * primary of the view it is backup in, with that view's number; anything else is {@code
 * ErrWrongServer}.
 */
package dev.ds.api.pb;
