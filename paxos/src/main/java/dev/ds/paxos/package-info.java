/** The Paxos library (6.824 lab 3A). See this module's README. */
package dev.ds.paxos;
