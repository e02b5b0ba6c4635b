/**
 * All Spring wiring of the viewservice-service jar: the role switch, settings, the REST
 * controller, the ticker, health and metrics. The protocol itself is in {@code view}.
 */
package dev.ds.viewservice.boot;
