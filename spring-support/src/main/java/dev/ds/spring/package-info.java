/**
 * What every service shares on the Spring side, as Boot auto-configuration: the HTTP {@link
 * dev.ds.rpc.RpcClient} (Feign over Apache HttpClient 5), the chaos API and inbound fault valve of
 * CONTRACT.md section 8, {@code cluster.secret} authentication, RFC 9457 problem details with a
 * {@code code}, Actuator and springdoc defaults, and one-line start-up failures.
 */
package dev.ds.spring;
