/**
 * DNS round-robin as the only "load balancer" (`loadBalancer: { kind: dns, ttl: 300s }`, issue
 * 11; docs/dns.md). There is no ELB: the site's name has one A record per instance in the record
 * set, and each client resolves it to one record and sends every request to that address until
 * its cached answer expires. A fluid model over clients, O(records × record-set changes) per
 * tick, no random draw but the routing split's one uniform:
 *
 * - **Lookups.** Clients' lookups are spread evenly in time (a steady population whose cache
 *   entries expire at staggered times), and a lookup at time u gets each record of the set in
 *   force at u with the same probability (the name server rotates the answers).
 * - **Caching.** A client keeps its answer for the TTL from its own lookup; a share of clients
 *   (`longCacheShare`) keeps it for `longCacheSeconds` instead (clients and resolvers that
 *   ignore short TTLs). So of the clients of one class (lifetime L), those holding an answer
 *   from time u are the ones that looked up in [t − L, t): a record's share at t is
 *   (1/L) ∫ over that window of [record in the set at u] / |set at u| du, summed over the
 *   classes by their weight. Computed exactly from the record-set history, piecewise.
 * - **What follows.** A record removed at time 0 (its instance alive or not) keeps
 *   (1 − s)(1 − t/TTL)⁺ + s(1 − t/L_long)⁺ of its old share 1/N: the uniform-age form (linear,
 *   not exp(−t/TTL): every entry lives exactly its lifetime). A record added at 0 to N grows as
 *   1/(N+1) times (1 − s)·min(1, t/TTL) + s·min(1, t/L_long); the others shrink by as much. A
 *   dead instance whose record stays keeps its full share for ever: no health checks.
 * - **Requests.** Each tick's arrivals are dealt over the instances in proportion to their
 *   shares (a systematic split, like the ELB's); an instance that does not answer fails them
 *   with 502 `backend-down` (../data-plane/network.ts, as for any instance not running), and the
 *   share of a record whose instance has left the state (an hour after it terminated) fails the
 *   same way.
 * - **Records change only by the `dns/record-added` and `dns/record-removed` actions** (the
 *   `dns-add-record` / `dns-remove-record` timeline entries and keys): the Auto Scaling group
 *   launches and replaces instances, but nothing puts them in DNS.
 */
import type {SimConfig} from '../config.js';
import type {DnsEpoch, DnsState} from '../types.js';
import type {Working} from '../working.js';
import type {FleetView} from '../systems/fleet.js';
import type {RoutePlan} from './elb.js';

/** Is this a DNS round-robin run (no load balancer)? */
export function isDnsRun(config: SimConfig): boolean {
	return config.loadBalancer.kind === 'dns';
}

/** The client classes as [weight, cache lifetime in ticks (≥ 1)]: those that honour the TTL, and those that keep answers longer. */
export function clientClasses(config: SimConfig): ReadonlyArray<readonly [number, number]> {
	const dns = config.loadBalancer.dns;
	if (!dns) return [];
	const dt = config.tickSeconds;
	const ttl = Math.max(1, dns.ttlSeconds / dt);
	const long = Math.max(ttl, dns.longCacheSeconds / dt);
	const share = Math.min(1, Math.max(0, dns.longCacheShare));
	return [[1 - share, ttl], [share, long]];
}

/** The longest cache lifetime, ticks: how far back a record set can still be in some client's cache. */
export function longestLifetimeTicks(config: SimConfig): number {
	let longest = 1;
	for (const [, lifetime] of clientClasses(config)) longest = Math.max(longest, lifetime);
	return longest;
}

/** The record set a run starts with: every instance of the preset, the set in force since long enough that every cache holds it. */
export function initialDnsState(config: SimConfig, ids: readonly string[]): DnsState {
	return {history: [{sinceTick: -Math.ceil(longestLifetimeTicks(config)), records: [...ids]}]};
}

/** The A records now (instance ids, in the order they were added). */
export function currentRecords(dns: DnsState): readonly string[] {
	return dns.history.at(-1)?.records ?? [];
}

/**
 * Each record's share of the clients during tick `tick` (the answers they hold: lookups in
 * [tick + 1 − L, tick + 1) for each class's lifetime L). Ids of every set still cached, not only
 * the current one; the shares add up to 1.
 */
export function dnsShares(config: SimConfig, dns: DnsState, tick: number): Record<string, number> {
	const shares: Record<string, number> = {};
	const end = tick + 1;
	const h: readonly DnsEpoch[] = dns.history;
	for (const [weight, lifetime] of clientClasses(config)) {
		if (weight <= 0) continue;
		const start = end - lifetime;
		for (let e = 0; e < h.length; e++) {
			const from = Math.max(h[e]!.sinceTick, start);
			const to = Math.min(e + 1 < h.length ? h[e + 1]!.sinceTick : end, end);
			const records = h[e]!.records;
			if (to <= from || records.length === 0) continue;
			const each = weight * (to - from) / lifetime / records.length;
			for (const id of records) shares[id] = (shares[id] ?? 0) + each;
		}
	}

	return shares;
}

/** Replace the record set from now on (one entry per tick: a second change in the same tick replaces the first). */
export function setRecords(s: Working, records: readonly string[]): void {
	const dns = s.dns!;
	const last = dns.history.at(-1);
	if (last && last.sinceTick === s.clock.tick) last.records = [...records];
	else dns.history.push({sinceTick: s.clock.tick, records: [...records]});
}

/** Forget the record sets no cache reaches back to any more, this tick or the last (the read model shows the last tick's shares). */
function forgetExpired(s: Working): void {
	const h = s.dns!.history;
	const start = s.clock.tick - longestLifetimeTicks(s.config);
	let drop = 0;
	while (drop + 1 < h.length && h[drop + 1]!.sinceTick <= start) drop++;
	if (drop > 0) h.splice(0, drop);
}

/**
 * Route this tick's `offered` requests by DNS (tick step 4, instead of the ELB's targets): marks
 * the instances clients hold an answer for (`v.pool[k]` 0, their share in `v.weight[k]`; one
 * pool whose weights add up to 1 with the missing ones), deals the requests in proportion
 * (`v.count`; `u` the routing stream's uniform) and returns how many went to addresses whose
 * instance has left the state (they fail: 502).
 */
export function routeByDns(s: Working, v: FleetView, plan: RoutePlan, offered: number, u: number): number {
	forgetExpired(s);
	const shares = dnsShares(s.config, s.dns!, s.clock.tick);
	const {list, pool, weight, count} = v;
	plan.members.fill(0);
	plan.weightSum.fill(0);
	count.fill(0);
	let members = 0;
	let inView = 0;
	let last = -1;
	for (let k = 0; k < v.length; k++) {
		const share = shares[list[k]!.id] ?? 0;
		if (share > 0) {
			pool[k] = 0;
			weight[k] = share;
			members++;
			inView += share;
			last = k;
		} else {
			pool[k] = -1;
		}
	}

	plan.members[0] = members;
	plan.weightSum[0] = 1;
	plan.pools = members > 0 ? 1 : 0;
	plan.elbNodes = 1;
	if (offered <= 0) return 0;
	const isWhole = inView > 1 - 1e-9;
	let cumulative = 0;
	let assigned = 0;
	for (let k = 0; k < v.length; k++) {
		if (pool[k]! < 0) continue;
		cumulative += offered * weight[k]!;
		const upto = k === last && isWhole ? offered : Math.min(offered, Math.floor(cumulative + u));
		const a = upto > assigned ? upto - assigned : 0;
		count[k] = a;
		assigned += a;
	}

	return offered - assigned;
}
