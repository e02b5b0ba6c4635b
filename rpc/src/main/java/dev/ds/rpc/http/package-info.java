/**
 * The production transport: Feign over Apache HttpClient 5, with pooled connections and short
 * timeouts. Every transport failure (refused, reset, timed out, closed without an answer) and every
 * 5xx becomes "no reply"; a 4xx problem becomes a {@link dev.ds.rpc.ProblemException}.
 */
package dev.ds.rpc.http;
