/** The one-process reference run that distributed jobs are checked against. */
package dev.ds.mapreduce.sequential;
