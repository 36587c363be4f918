/**
 * `scaletop ab …`: ab's flags → a simulated ApacheBench run; the report on stdout in ab's
 * layout, ab's progress lines and the seed in use on stderr.
 */
import {parseSeed, UsageError, type FlagValues} from '../headless/args.js';
import {write} from './output.js';

/** Run `scaletop ab`; returns the exit code. Throws a UsageError for bad options. */
export async function runAbCommand(positionals: readonly string[], flags: FlagValues, typed: Readonly<Record<string, string>>): Promise<number> {
	if (positionals.length > 0) throw new UsageError(`ab takes no preset, got "${positionals.join(' ')}" (scaletop ab --help lists its options)`);
	const {checkAbOptions, formatAbProgress, formatAbReport, runAb} = await import('../ab/index.js');
	const seedText = flags['seed'];
	let seed: number | undefined;
	if (typeof seedText === 'string') {
		const parsed = parseSeed(seedText, typed['seed']);
		if (!parsed.ok) throw new UsageError(parsed.message);
		seed = parsed.value;
	}

	const checked = checkAbOptions({n: flags['requests'], c: flags['concurrency'], type: flags['type'], instances: flags['instances'], app: flags['app'], algorithm: flags['algorithm'], seed}, {n: typed['requests'], c: typed['concurrency']});
	if (!checked.ok) throw new UsageError(checked.message);
	const result = runAb(checked.options);
	for (const line of formatAbProgress(result)) process.stderr.write(`${line}\n`);
	// stdout keeps ab's layout exactly; the seed in use goes to stderr with ab's progress lines.
	process.stderr.write(`Simulated with seed ${checked.options.seed} (--seed ${checked.options.seed} repeats this run)\n`);
	write(formatAbReport(result));
	return 0;
}
