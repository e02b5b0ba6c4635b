/**
 * Sample input for MapReduce jobs, so that the repository can run its demo and tests without any
 * books beside it: seeded pseudo-English text whose word frequencies fall off with rank, as in real
 * prose (Zipf's law), over a vocabulary large enough that a word count has thousands of keys. The
 * same seed always gives the same text, so outputs can be compared between runs and machines.
 */
package dev.ds.mapreduce.sample;
