/**
 * The bordered table as text (recordings made from simulated time) against the bordered table
 * Ink draws (the live view): the same lines as a user reads them, in colour, NO_COLOR and ASCII.
 */
import React from 'react';
import {renderToString} from 'ink';
import {describe, expect, test} from 'vitest';
import {BorderedTable, borderedTableHeight} from '../../../source/ui/components/bordered-table.js';
import {borderedTableLines} from '../../../source/ui/components/bordered-table-text.js';
import {ThemeContext} from '../../../source/ui/components/theme-context.js';
import {makeTheme} from '../../../source/ui/theme.js';
import {plain} from '../helpers/render-text.js';

const columns = ['so far', '5xx', 'p99 ms', 'cost'];
const rows = [
	{'so far': 'A thrashing', '5xx': '1,204', 'p99 ms': '12.5', cost: '$0.2145'},
	{'so far': 'B 東京', '5xx': '0', 'p99 ms': '9.0', cost: '$0.4290'},
	{'so far': 'B − A', '5xx': '−1,204', 'p99 ms': '−3.5', cost: ''},
];
const right = ['5xx', 'p99 ms', 'cost'];

describe('borderedTableLines', () => {
	for (const [mode, charset] of [['color', 'unicode'], ['mono', 'unicode'], ['color', 'ascii']] as const) {
		test(`draws what Ink draws (${mode}, ${charset})`, () => {
			const theme = makeTheme(mode, charset);
			const ink = renderToString(<ThemeContext.Provider value={theme}><BorderedTable columns={columns} rows={rows} alignRight={right} /></ThemeContext.Provider>, {columns: 120});
			const text = borderedTableLines(columns, rows, theme, right);
			expect(text).toHaveLength(borderedTableHeight(rows.length));
			expect(plain(text.join('\n'))).toBe(plain(ink));
		});
	}

	test('what a user reads', () => {
		expect(plain(borderedTableLines(columns, rows, makeTheme('mono'), right).join('\n')).split('\n')).toEqual([
			'┌─────────────┬────────┬────────┬─────────┐',
			'│ so far      │    5xx │ p99 ms │    cost │',
			'├─────────────┼────────┼────────┼─────────┤',
			'│ A thrashing │  1,204 │   12.5 │ $0.2145 │',
			'│ B 東京      │      0 │    9.0 │ $0.4290 │',
			'│ B − A       │ −1,204 │   −3.5 │         │',
			'└─────────────┴────────┴────────┴─────────┘',
		]);
	});
});
