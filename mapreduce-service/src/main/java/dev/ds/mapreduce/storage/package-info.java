/**
 * File I/O at the edges: checking and splitting inputs, committing outputs by rename, folders of
 * sorted runs. The coordinator core and the engine reach files only through these.
 */
package dev.ds.mapreduce.storage;
