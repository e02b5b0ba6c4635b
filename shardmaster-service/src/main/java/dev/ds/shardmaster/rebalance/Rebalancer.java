package dev.ds.shardmaster.rebalance;

import dev.ds.api.shardmaster.Config;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The next configuration after a Join, a Leave or a Move (6.824 lab 4A).
 *
 * <p><b>Balance.</b> After a Join or a Leave, shard counts per group differ by at most one: with
 * k groups and n shards, n mod k groups hold ⌈n/k⌉ and the rest ⌊n/k⌋ (if k &gt; n, some hold
 * none). <b>Minimal movement.</b> The larger quotas go to the groups that already hold the most
 * shards, so only a group's excess over its quota moves, plus shards of groups that left; no
 * other assignment of quotas moves fewer. <b>Determinism.</b> Groups are walked in gid order and
 * shards in index order; nothing depends on hash order or randomness. <b>Move</b> assigns one
 * shard and does not rebalance, so it holds until the next Join or Leave.
 */
public final class Rebalancer {

    private Rebalancer() {
    }

    /** Adds group {@code gid}; joining a gid that is present changes nothing and returns {@code current}. */
    public static Config join(Config current, long gid, List<String> servers) {
        requirePositive(gid);
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("servers: a group needs at least one server");
        }
        if (current.groups().containsKey(gid)) {
            return current;
        }
        SortedMap<Long, List<String>> groups = new TreeMap<>(current.groups());
        groups.put(gid, servers);
        return new Config(current.num() + 1, balance(current.shards(), groups), groups);
    }

    /** Removes group {@code gid}; leaving a gid that is absent changes nothing and returns {@code current}. */
    public static Config leave(Config current, long gid) {
        requirePositive(gid);
        if (!current.groups().containsKey(gid)) {
            return current;
        }
        SortedMap<Long, List<String>> groups = new TreeMap<>(current.groups());
        groups.remove(gid);
        return new Config(current.num() + 1, balance(current.shards(), groups), groups);
    }

    /** Assigns {@code shard} to the joined group {@code gid}, without rebalancing. */
    public static Config move(Config current, int shard, long gid) {
        requirePositive(gid);
        if (shard < 0 || shard >= current.nShards()) {
            throw new IllegalArgumentException("shard: must be in 0.." + (current.nShards() - 1) + ", was " + shard);
        }
        if (!current.groups().containsKey(gid)) {
            throw new IllegalArgumentException("gid: " + gid + " has not joined");
        }
        List<Long> shards = new ArrayList<>(current.shards());
        shards.set(shard, gid);
        return new Config(current.num() + 1, shards, current.groups());
    }

    /**
     * Reassigns shards so that every group holds its quota, moving only what must move: the shards
     * of groups that are gone (or unassigned), and each group's excess, highest shard index first.
     */
    static List<Long> balance(List<Long> previous, SortedMap<Long, List<String>> groups) {
        List<Long> shards = new ArrayList<>(previous);
        if (groups.isEmpty()) {
            shards.replaceAll(gid -> 0L);
            return shards;
        }
        Map<Long, List<Integer>> held = holdings(shards, groups);
        Map<Long, Integer> quota = quotas(shards.size(), held);
        Deque<Integer> free = new ArrayDeque<>();
        for (int shard = 0; shard < shards.size(); shard++) {
            if (!groups.containsKey(shards.get(shard))) {
                free.add(shard);
            }
        }
        for (Map.Entry<Long, List<Integer>> group : held.entrySet()) {
            List<Integer> mine = group.getValue();
            while (mine.size() > quota.get(group.getKey())) {
                free.add(mine.remove(mine.size() - 1));
            }
        }
        List<Integer> sortedFree = new ArrayList<>(free);
        sortedFree.sort(Comparator.naturalOrder());
        free = new ArrayDeque<>(sortedFree);
        for (Map.Entry<Long, List<Integer>> group : held.entrySet()) {
            for (int i = group.getValue().size(); i < quota.get(group.getKey()); i++) {
                shards.set(free.removeFirst(), group.getKey());
            }
        }
        return shards;
    }

    /** The shards each present group holds, in shard order; groups in gid order. */
    private static Map<Long, List<Integer>> holdings(List<Long> shards, SortedMap<Long, List<String>> groups) {
        Map<Long, List<Integer>> held = new TreeMap<>();
        groups.keySet().forEach(gid -> held.put(gid, new ArrayList<>()));
        for (int shard = 0; shard < shards.size(); shard++) {
            List<Integer> owner = held.get(shards.get(shard));
            if (owner != null) {
                owner.add(shard);
            }
        }
        return held;
    }

    /**
     * ⌊n/k⌋ for every group, plus one for the n mod k groups that hold the most shards now (ties to
     * the lower gid): the quotas that keep the most shards where they are.
     */
    private static Map<Long, Integer> quotas(int nShards, Map<Long, List<Integer>> held) {
        int k = held.size();
        List<Long> byHoldings = new ArrayList<>(held.keySet());
        byHoldings.sort(Comparator.comparing((Long gid) -> -held.get(gid).size()).thenComparing(gid -> gid));
        Map<Long, Integer> quota = new HashMap<>();
        for (int i = 0; i < k; i++) {
            quota.put(byHoldings.get(i), nShards / k + (i < nShards % k ? 1 : 0));
        }
        return quota;
    }

    private static void requirePositive(long gid) {
        if (gid <= 0) {
            throw new IllegalArgumentException("gid: must be positive, was " + gid);
        }
    }
}
