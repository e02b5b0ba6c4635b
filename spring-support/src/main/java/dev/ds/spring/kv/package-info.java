/**
 * The key/value client API (CONTRACT.md section 3), served the same way by every store: a node
 * that provides a {@link dev.ds.api.kv.KvService} bean gets the REST controller, the size
 * limits ({@code kv.max-key-bytes}, {@code kv.max-value-bytes}) and the {@code kv.ops} timer.
 */
package dev.ds.spring.kv;
