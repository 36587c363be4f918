/**
 * `split-database` (issue 10's action, issue 11's fix): the database moves off the web
 * instances to an RDS instance of its own during the run.
 */
import {describe, expect, it} from 'vitest';
import {advance, createInitialState, describeAction, makeConfig, step, type SimState} from '../../source/sim/index.js';
import type {ConfigInput} from '../../source/sim/defaults.js';

const clones: ConfigInput = {
	autoScaling: {min: 3, max: 3, desired: 3, instanceType: 'c5.large', healthCheckType: 'EC2'},
	loadBalancer: {kind: 'application'},
	users: {active: 2000, writeShare: 0.2},
	load: {kind: 'open', arrivals: 'uniform', pattern: 'constant', ratePerSecond: 60},
};

const lastMessage = (s: SimState) => s.events.at(-1)?.message;

describe('split-database', () => {
	it('the web servers then do only web and middleware work, the database its queries; inconsistent reads stop; requests conserved through the move', () => {
		let s = advance(createInitialState(makeConfig(clones)), 600);
		const before = s.tiers.web!.utilisation;
		expect(s.tiers.database).toBeUndefined();
		const inconsistentBefore = s.consistency.inconsistentReads;
		expect(inconsistentBefore).toBeGreaterThan(5000);
		s = step(s, {type: 'database/split-requested', instanceClass: 'db.m5.large'});
		expect(lastMessage(s)).toBe('split the database off the web instances (db.m5.large): scaletop-db (db.m5.large) serves every web instance; their databases merged into it');
		expect(s.dataPlane.instances.usersHeld.every(users => users === 0)).toBe(true);
		for (let t = 0; t < 120; t++) {
			s = advance(s, 1);
			expect(s.totals.arrived).toBeCloseTo(s.totals.completed + s.totals.failed + s.flow.inFlight, 6);
		}

		s = advance(s, 480);
		// wordpress: 33.6 ms per request on one box, 3.6 + 18 = 21.6 ms on the web server once the database is apart.
		expect(s.tiers.web!.recentUtilisation / before).toBeGreaterThan((21.6 / 33.6) * 0.8);
		expect(s.tiers.web!.recentUtilisation / before).toBeLessThan((21.6 / 33.6) * 1.2);
		expect(s.tiers.database!.utilisation).toBeGreaterThan(0.1);
		expect(s.tiers.database!.costUsd).toBeGreaterThan(0);
		expect(s.consistency.inconsistentReads).toBe(inconsistentBefore);
		expect(s.totals.failed).toBe(0);
	});

	it('is refused when the database already has its own instance, or for an unknown class', () => {
		const dedicated = createInitialState(makeConfig({...clones, tiers: {database: {placement: 'dedicated'}}}));
		expect(lastMessage(step(dedicated, {type: 'database/split-requested'}))).toBe('split the database off the web instances refused: the database already runs on its own instance (scaletop-db, db.t3.micro)');
		const colocated = createInitialState(makeConfig(clones));
		expect(lastMessage(step(colocated, {type: 'database/split-requested', instanceClass: 'db.x9.huge'}))).toBe('split the database off the web instances (db.x9.huge) refused: unknown DB instance class "db.x9.huge"');
		// Without a class, the preset's tiers.database.instanceClass (default db.t3.micro).
		expect(step(colocated, {type: 'database/split-requested'}).database?.instanceClass).toBe('db.t3.micro');
		expect(describeAction({type: 'database/split-requested'})).toBe('split the database off the web instances');
	});
});
