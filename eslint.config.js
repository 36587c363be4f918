// Lint exists for one reason: to keep source/sim pure (style.md §8). Nothing under
// source/sim may read the clock, Math.random, timers, the environment, the disk, or
// import React/Ink/node:* modules.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**']},
	{
		files: ['source/sim/**/*.ts'],
		languageOptions: {parser: tseslint.parser},
		rules: {
			'no-restricted-properties': [
				'error',
				{object: 'Math', property: 'random', message: 'Use sim/rng.ts: randomness lives in SimState.rng.'},
				{object: 'Date', property: 'now', message: 'Simulated time is clock.tick.'},
				{object: 'performance', property: 'now', message: 'Simulated time is clock.tick.'},
				{object: 'crypto', property: 'randomUUID', message: 'Ids come from sim/ids.ts.'},
			],
			'no-restricted-globals': [
				'error',
				'Date', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'console', 'performance', 'fetch',
			],
			'no-restricted-imports': [
				'error',
				{patterns: [{group: ['node:*', 'fs', 'path', 'os', 'react', 'react/*', 'ink', 'ink/*'], message: 'source/sim is pure.'}]},
			],
		},
	},
);
