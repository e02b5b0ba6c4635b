/**
 * The primary/backup key/value server core (6.824 lab 2B). No Spring and no clock: the node calls
 * {@link dev.ds.viewservice.pb.PbServer#tick()} once per ping interval and its handlers for
 * requests; peers are reached through {@link dev.ds.rpc.RpcClient}. See {@link
 * dev.ds.viewservice.pb.PbServer} for the rules.
 */
package dev.ds.viewservice.pb;
