/**
 * Whose data is where (issue 11, docs/stateful.md): the `users.active` users of the site, each
 * request from one of them uniformly, `users.writeShare` of the requests writing that user's
 * data. A fluid model over users (expected counts), O(instances) per tick, no random draw:
 *
 * - **Colocated database** (each web instance runs its own, the one-box WordPress cloned): an
 *   instance holds the data written through it. `usersHeld[k]` is the number of users whose
 *   *latest* write instance k holds. A read at k by a user who has written is inconsistent when k
 *   does not hold that user's latest write: of the reads k completes, the share
 *   (writers − usersHeld[k]) / active. Routing does not look at the user (no stickiness yet), so
 *   over N alike clones usersHeld[k] → writers / N and (N − 1) / N of the reads after a write are
 *   inconsistent; with routing shares p_k, 1 − Σ p_k².
 * - **Writes.** With X writes completed this tick, a user writes at least once with probability
 *   q = 1 − e^(−X / active) (Poisson), and then its latest write is at k with probability
 *   (writes completed at k) / X: usersHeld[k] ← usersHeld[k](1 − q) + active · q · writes_k / X.
 *   Reads are judged against where the data was at the start of the tick.
 * - **Lost data.** An instance that terminates takes its disk (and database) with it: the users
 *   whose latest write it held are `lostSessions`, and their reads are inconsistent everywhere
 *   until they write again. A stopped instance keeps its EBS volume (and its data); the scale-up
 *   story's new instance is launched from the stopped one's image, so it holds what the old held.
 * - **Dedicated database**: one copy of the data for every web instance; no read is inconsistent
 *   and no instance holds data (the reads are still counted).
 *
 * Requests are untouched (counts here are derived from completions): conservation is the data
 * plane's, unchanged.
 */
import type {SimState} from '../types.js';
import type {Working} from '../working.js';
import type {FleetView} from '../systems/fleet.js';
import {stickyColumns} from './sticky.js';

type Mutable<T> = {-readonly [K in keyof T]: T[K]};

/**
 * Count this tick's reads and writes and move users' data (tick step 4, after the route is
 * served). `completed`: the route's end-to-end completions this tick; with a colocated database
 * the per-instance completions (`dataPlane.web.completed`) are used instead.
 */
export function trackConsistency(s: Working, v: FleetView, completed: number, isColocated: boolean, sessionsMoved = 0): void {
	const {active, writeShare} = s.config.users;
	const c = s.consistency as Mutable<SimState['consistency']>;
	const flow = s.flow;
	flow.reads = 0;
	flow.inconsistentReads = 0;
	flow.lostSessions = 0;
	const readShare = 1 - writeShare;
	if (active <= 0) {
		// No users modelled: every request reads, nothing is written.
		flow.reads = completed * readShare;
		c.reads += flow.reads;
		return;
	}

	const held = s.dataPlane.instances.usersHeld as number[];
	const sticky = stickyColumns(s);
	const isSticky = s.loadBalancer.isSticky;
	const done = s.dataPlane.web.completed;
	let writes = 0;
	let reads = 0;
	let inconsistent = 0;
	let lost = sessionsMoved;
	let dataLost = 0;
	let afterWrite = 0;
	if (isColocated || isSticky) {
		const writers = c.writers;
		for (let k = 0; k < v.length; k++) {
			const state = v.list[k]!.ec2State;
			if (state === 'shutting-down' || state === 'terminated') {
				// Gone with its memory and its disk: every user whose session or latest write it held, once.
				const gone = sticky.stickyUsers[k]! + Math.max(0, held[k]! - sticky.stickyHeld[k]! - sticky.stickyLost[k]!);
				if (gone > 0) {
					lost += gone;
					dataLost += held[k]!;
					sticky.stickyOrphans[k] += sticky.stickyUsers[k]!;
					sticky.stickyUsers[k] = 0;
					sticky.stickyWriters[k] = 0;
					sticky.stickyHeld[k] = 0;
					sticky.stickyLost[k] = 0;
					sticky.stickyAway[k] = 0;
					held[k] = 0;
				}
			}

			const n = done[k]!;
			if (n === 0 || !isColocated) continue;
			const r = n * readShare;
			reads += r;
			const users = sticky.stickyUsers[k]!;
			if (isSticky && users > 0) {
				// Sticky: the readers are the users whose cookie names k.
				afterWrite += r * sticky.stickyWriters[k]! / users;
				inconsistent += r * Math.max(0, sticky.stickyWriters[k]! - sticky.stickyHeld[k]!) / users;
			} else {
				// Any user, uniformly.
				if (isSticky) afterWrite += r * writers / active;
				inconsistent += r * Math.max(0, writers - held[k]!) / active;
			}

			writes += n * writeShare;
		}
	}

	if (!isColocated) {
		reads = completed * readShare;
		writes = completed * writeShare;
	}

	const isStickyData = isSticky && isColocated;
	if (!isStickyData) afterWrite = reads * c.writers / active;

	c.reads += reads;
	c.readsAfterWrite += afterWrite;
	c.inconsistentReads += inconsistent;
	c.lostSessions += lost;
	c.writersLost += dataLost;
	flow.reads = reads;
	flow.inconsistentReads = inconsistent;
	flow.lostSessions = lost;
	if (writes <= 0) return;
	const q = -Math.expm1(-writes / active);
	const kept = 1 - q;
	// Users writing for the first time: any user uniformly, or (sticky) those whose cookie names the instance that served the write.
	let firstWriters = 0;
	if (isColocated) {
		const perWrite = active * q / writes;
		// With cookies every write is by a bound user: the share of the bound users who wrote this tick.
		let bound = 0;
		if (isSticky) for (let k = 0; k < v.length; k++) bound += sticky.stickyUsers[k]!;
		const boundKept = bound > 0 ? Math.max(0, 1 - (active * q / bound)) : kept;
		for (let k = 0; k < v.length; k++) {
			const n = done[k]!;
			const wrote = n > 0 ? perWrite * n * writeShare : 0;
			if (isSticky) {
				// Of k's data: the users bound here move it by their own writes; those bound elsewhere
				// (stickyLost, stickyAway) by theirs there; the users without a cookie write nowhere until bound.
				const unheld = Math.max(0, held[k]! - sticky.stickyHeld[k]! - sticky.stickyLost[k]! - sticky.stickyAway[k]!);
				firstWriters += trackStickyWrites(sticky, k, wrote, boundKept);
				held[k] = unheld + sticky.stickyLost[k]! + sticky.stickyAway[k]! + sticky.stickyHeld[k]!;
			} else {
				held[k] = (held[k]! * kept) + wrote;
			}
		}
	}

	c.writersLost *= kept;
	c.writers = isStickyData ? Math.min(active, c.writers + firstWriters) : (c.writers * kept) + (active * q);
}

/**
 * The users whose cookie names k who wrote this tick (`wrote` of them, all through k): their
 * latest write is now on k. `kept`: the share of the bound users who did not write (the data of
 * users bound elsewhere moves away as they write there).
 * Returns how many of them wrote for the first time.
 */
function trackStickyWrites(sticky: ReturnType<typeof stickyColumns>, k: number, wrote: number, kept: number): number {
	const users = sticky.stickyUsers[k]!;
	sticky.stickyLost[k] *= kept;
	sticky.stickyAway[k] *= kept;
	if (users <= 0) return 0;
	const q = Math.min(1, wrote / users);
	const first = q * Math.max(0, users - sticky.stickyWriters[k]!);
	sticky.stickyWriters[k] += first;
	sticky.stickyHeld[k] = Math.min(users, (sticky.stickyHeld[k]! * (1 - q)) + wrote);
	return first;
}

/** The scale-up story's new instance is launched from the old one's image: it holds the old one's data (the old one, stopped, serves no more). */
export function moveUsersHeld(s: Working, fromSlot: number, toSlot: number): void {
	const held = s.dataPlane.instances.usersHeld as number[];
	if (fromSlot < 0 || toSlot < 0) return;
	held[toSlot] = held[fromSlot]!;
	held[fromSlot] = 0;
}
