/**
 * Duration-based sticky sessions (issue 11, docs/stateful.md): the load balancer's cookie (ALB
 * `AWSALB`, Classic `AWSELB` with an `LBCookieStickinessPolicy`) names the target that served a
 * user's first request, and while it is valid every request of that user goes back there. A fluid
 * model over users like ./consistency.ts (expected counts, O(instances) per tick, no random draw):
 *
 * - `stickyUsers[k]`: users whose cookie names instance k. Each tick a user sends
 *   Poisson(offered / active) requests; the users with no valid cookie who send one are routed by
 *   the algorithm (its shares, ./elb.ts) and bound to the target they got (if it is running: a
 *   failed request sets no cookie).
 * - A cookie lasts `stickiness.durationSeconds` from when it is issued; the fluid model lets the
 *   share 1 − e^(−tick / duration) of the cookies expire each tick (the steady rate of cookies
 *   issued at spread times; duration 0, Classic's browser session: never). A user whose cookie
 *   expired is routed afresh at its next request.
 * - A cookie naming a target that is no longer a candidate (unhealthy, draining, deregistered)
 *   is replaced: the ELB picks a new target and the session on the old one is **lost**
 *   (`lostSessions`). An instance that terminates loses every session on it at once; its cookies
 *   (`stickyOrphans`) still bring their users' requests to it — and fail — until the ELB stops
 *   routing to it.
 * - This tick's share of the requests: (stickyUsers[k] + stickyOrphans[k]) / active for each
 *   candidate, plus the algorithm's share of the rest. Long-lived users stay where they were: a
 *   new instance gets only users without a cookie (new ones, expired ones), so after a scale-out
 *   from N to N + 1 alike instances its share grows as (1 / (N + 1)) · (1 − e^(−t / duration)).
 */
import type {Working} from '../working.js';
import type {FleetView} from '../systems/fleet.js';
import {hasLoadBalancer, shareOf, type RoutePlan} from './elb.js';

type Columns = {stickyUsers: number[]; stickyWriters: number[]; stickyHeld: number[]; stickyOrphans: number[]; stickyLost: number[]; stickyAway: number[]; usersHeld: number[]};

/** The sticky columns of the state (writable: the working copy). */
export function stickyColumns(s: Working): Columns {
	return s.dataPlane.instances as unknown as Columns;
}

/** Is stickiness in effect: on, users modelled, and a load balancer to issue the cookies. */
export function isStickyActive(s: Working): boolean {
	return s.loadBalancer.isSticky && s.config.users.active > 0 && hasLoadBalancer(s);
}

/**
 * Routing with sticky sessions (tick step 4, after `pickTargets`, before `dealRequests`):
 * cookies expire, cookies naming a target that is not a candidate are dropped (their sessions
 * lost), users without a cookie who send a request this tick are bound, and `plan` becomes one
 * pool whose weights are the candidates' shares of this tick's `offered` requests (dealt by
 * systematic split). Returns the sessions lost.
 */
export function applyStickiness(s: Working, v: FleetView, plan: RoutePlan, offered: number): number {
	const col = stickyColumns(s);
	const {stickyUsers: users, stickyWriters: writers, stickyHeld: held, stickyOrphans: orphans, stickyLost: lostHeld, stickyAway: away, usersHeld} = col;
	const {active} = s.config.users;
	const duration = s.config.loadBalancer.stickiness.durationSeconds;
	const keep = duration > 0 ? Math.exp(-s.config.tickSeconds / duration) : 1;
	const n = v.length;
	let lost = 0;
	let bound = 0;
	let boundWriters = 0;
	for (let k = 0; k < n; k++) {
		if (keep < 1) {
			users[k] *= keep;
			writers[k] *= keep;
			held[k] *= keep;
			orphans[k] *= keep;
			// The users bound elsewhere whose data is here expire as well: their data is then a cookie-less user's.
			away[k] *= keep;
		}

		if (v.pool[k]! < 0) {
			// Not a candidate: the ELB picks a new target for these users; their sessions here are gone.
			lost += users[k]!;
			lostHeld[k] = Math.min(usersHeld[k]!, lostHeld[k]! + held[k]!);
			users[k] = 0;
			writers[k] = 0;
			held[k] = 0;
			orphans[k] = 0;
			continue;
		}

		bound += users[k]! + orphans[k]!;
		boundWriters += writers[k]!;
	}

	if (plan.pools === 0) return lost;
	const unbound = Math.max(0, active - bound);
	const unboundShare = unbound / active;
	const asking = offered > 0 ? unbound * -Math.expm1(-offered / active) : 0;
	const writerShare = unbound > 1e-9 ? Math.min(1, Math.max(0, s.consistency.writers - boundWriters) / unbound) : 0;
	// The users joining this tick: asking · (the algorithm's share of k), at running targets. Of the
	// cookie-less users' data, k's share unheld(k) / unbound joins k; the rest of it joins others.
	const joinedAt = (k: number): number => (asking > 0 && v.list[k]!.ec2State === 'running' ? asking * shareOf(v, plan, k) : 0);
	let joinedAll = 0;
	for (let k = 0; k < n; k++) if (v.pool[k]! >= 0) joinedAll += joinedAt(k);
	let members = 0;
	let weightSum = 0;
	for (let k = 0; k < n; k++) {
		const isCandidate = v.pool[k]! >= 0;
		const joined = isCandidate ? joinedAt(k) : 0;
		const unheld = unbound > 1e-9 ? Math.max(0, usersHeld[k]! - held[k]! - lostHeld[k]! - away[k]!) / unbound : 0;
		away[k] += (joinedAll - joined) * unheld;
		if (!isCandidate) continue;
		const share = ((users[k]! + orphans[k]!) / active) + (unboundShare * shareOf(v, plan, k));
		if (joined > 0) {
			const joinedWriters = joined * writerShare;
			users[k] += joined;
			writers[k] += joinedWriters;
			held[k] += Math.min(joinedWriters, joined * unheld);
		}

		v.pool[k] = 0;
		v.weight[k] = share;
		members++;
		weightSum += share;
	}

	plan.members.fill(0);
	plan.weightSum.fill(0);
	plan.members[0] = members;
	plan.weightSum[0] = weightSum > 0 ? weightSum : 1;
	plan.pools = 1;
	return lost;
}

/** Stickiness switched off: cookies are ignored from now on (none is kept for a later switch-on). */
export function clearStickiness(s: Working): void {
	const col = stickyColumns(s);
	for (const column of [col.stickyUsers, col.stickyWriters, col.stickyHeld, col.stickyOrphans, col.stickyLost, col.stickyAway]) column.fill(0);
}

/** The users instance k holds: those whose session is on it, and those whose latest write it holds (each once). */
export function usersHeldAt(col: {readonly stickyUsers: readonly number[]; readonly stickyHeld: readonly number[]; readonly usersHeld: readonly number[]}, k: number): number {
	return col.stickyUsers[k]! + Math.max(0, col.usersHeld[k]! - col.stickyHeld[k]!);
}
