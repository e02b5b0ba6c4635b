/**
 * All Spring wiring of the mapreduce-service jar: the role switch, settings, the job API and the
 * workers' internal API, the partition server, tickers, health and metrics. The protocol itself is
 * in {@code coordinator}, {@code engine}, {@code app} and {@code worker}.
 */
package dev.ds.mapreduce.boot;
