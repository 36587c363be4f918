/**
 * The stateful-instance preset (issue 11) shows its point in its headless numbers, as
 * ./stories.test.ts and ./tier-stories.test.ts do for the others.
 */
import {expect, test} from 'vitest';
import {loadPreset} from '../../source/presets/load-preset.js';
import {runHeadless} from '../../source/headless/run-headless.js';
import {advance, createInitialState, selectSummary, type RunSummary, type SimState} from '../../source/sim/index.js';

const minutes = 60;

test('stateful-pitfall: no inconsistent read on one server; about half of the reads after a write once it is cloned with its database; none once the database is shared', () => {
	const loaded = loadPreset('stateful-pitfall');
	if (!loaded.ok) throw new Error(loaded.message);
	const config = loaded.config;
	expect(runHeadless({config}).violations).toEqual([]);
	const at: Record<number, RunSummary> = {};
	let s: SimState = createInitialState(config);
	for (const minute of [5, 10, 20, 21, 30]) {
		s = advance(s, (minute * minutes / config.tickSeconds) - s.clock.tick);
		at[minute] = selectSummary(s);
	}

	const c = (minute: number) => at[minute]!.consistency;
	// One server with its own database: every read finds the user's latest write.
	expect(c(5).readsAfterWrite).toBeGreaterThan(2000);
	expect(c(5).inconsistentReads).toBe(0);
	// Cloned: from minute 10 to 20, half of the reads after a write (within 5 %).
	const share = (c(20).inconsistentReads - c(10).inconsistentReads) / (c(20).readsAfterWrite - c(10).readsAfterWrite);
	expect(share).toBeGreaterThan(0.5 * 0.95);
	expect(share).toBeLessThan(0.5 * 1.05);
	// The database moved to its own instance at minute 20: not one inconsistent read after it.
	expect(c(21).inconsistentReads - c(20).inconsistentReads).toBeLessThan(1);
	expect(c(30).inconsistentReads).toBe(c(21).inconsistentReads);
	expect(c(30).readsAfterWrite - c(21).readsAfterWrite).toBeGreaterThan(15_000);
	expect(c(30).lostSessions).toBe(0);
	const final = at[30]!;
	expect(final.tiers.database?.nodes).toBe(1);
	expect(final.instances.final).toBe(2);
	expect(final.requests.failed).toBe(0);
});
