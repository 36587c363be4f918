import {expect, test} from 'vitest';
import {busiestTargets} from '../../source/headless/busiest-targets.js';

test('ten or fewer targets: all of them, in launch order, nothing left out', () => {
	expect(busiestTargets({'i-0002': 5, 'i-0001': 7})).toEqual({shown: [['i-0002', 5], ['i-0001', 7]], others: {targets: 0, requests: 0}});
});

test('more: the busiest (ties to the earlier launched) in launch order, the rest summed', () => {
	const routed = {'i-0001': 1, 'i-0002': 9, 'i-0003': 4, 'i-0004': 4, 'i-0005': 2};
	expect(busiestTargets(routed, 3)).toEqual({shown: [['i-0002', 9], ['i-0003', 4], ['i-0004', 4]], others: {targets: 2, requests: 3}});
});
