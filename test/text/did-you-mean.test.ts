import {describe, expect, test} from 'vitest';
import {didYouMean, editDistance} from '../../source/text/did-you-mean.js';

describe('did you mean', () => {
	test('edit distance counts a swap of neighbours as one edit', () => {
		expect(editDistance('desird', 'desired')).toBe(1);
		expect(editDistance('mirco', 'micro')).toBe(1);
		expect(editDistance('abc', 'abc')).toBe(0);
	});

	test('suggests the closest candidate, or nothing when nothing is close', () => {
		expect(didYouMean('algoritm', ['algorithm', 'kind'])).toBe('algorithm');
		expect(didYouMean('MAX', ['min', 'max'])).toBe('max');
		expect(didYouMean('zzzzzz', ['min', 'max'])).toBeUndefined();
	});
});
