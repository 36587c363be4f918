import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 120_000, // no test asserts timing; 2 cores shared by several engineers made CPU-heavy property tests pass 30 s
		hookTimeout: 120_000,
		pool: 'forks',
	},
});
