import {describe, expect, it} from 'vitest';
import {appProfiles, instanceTypes} from '../../source/sim/catalog.js';

describe('catalog', () => {
	it('prices a t2.micro at $0.0116/h with a 10 % baseline and 144 credits', () => {
		expect(instanceTypes['t2.micro']).toEqual({
			name: 't2.micro',
			vcpus: 1,
			memoryGiB: 1,
			priceUsdPerHour: 0.0116,
			burst: {baselinePercentPerVcpu: 10, creditsPerHour: 6, maxCredits: 144},
		});
	});

	it('gives wordpress a capacity of about 29.8 req/s on one vCPU', () => {
		expect(1000 / appProfiles.wordpress.cpuMs).toBeCloseTo(29.76, 2);
	});
});
