#!/usr/bin/env node
/**
 * The one entry point (design.md §2): argv → a command → its exit code (0 success, 1 a failed
 * run, 2 bad usage or a bad preset). A thin dispatcher: the flags are read in
 * ./headless/args.ts, each command lives in ./commands/. The edge of the program: every error
 * is one sentence on stderr; nothing escapes as a stack trace.
 */
import fs from 'node:fs';
import {parseCommandLine, UsageError} from './headless/args.js';
import {helpFor} from './headless/help.js';
import {runAbCommand} from './commands/ab.js';
import {runHeadlessCommand} from './commands/headless.js';
import {runListPresets} from './commands/list-presets.js';
import {runLiveCommand} from './commands/live.js';
import {write} from './commands/output.js';
import {fitToConfig, readRunOptions} from './commands/run-options.js';
import {defaultPresetName, loadPreset} from './presets/load-preset.js';
import {readOverrides} from './presets/overrides.js';
import {SimConfigError} from './sim/index.js';

/** The version in package.json (next to dist/ in the repository and in the installed package). */
function packageVersion(): string {
	const text = fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8');
	return (JSON.parse(text) as {version: string}).version;
}

async function main(argv: readonly string[]): Promise<number> {
	// Subcommands with flags of their own (each module reads its arguments and prints its errors).
	if (argv[0] === 'sweep') return (await import('./sweep/command.js')).sweepCommand(argv.slice(1));
	if (argv[0] === 'compare') return (await import('./compare/command.js')).compareCommand(argv.slice(1));
	const line = parseCommandLine(argv);
	if (line.kind === 'help') {
		write(helpFor(line.command));
		return 0;
	}

	if (line.kind === 'version') {
		write(packageVersion());
		return 0;
	}

	const {command, positionals, flags, typed} = line;
	if (command === 'ab') return runAbCommand(positionals, flags, typed);
	if (flags['list-presets']) return runListPresets(positionals, flags, typed);
	const options = readRunOptions(positionals, flags, typed, defaultPresetName);
	const overrides = readOverrides(options.sets);
	if (!overrides.ok) throw new UsageError(overrides.message);
	const loaded = loadPreset(options.reference, undefined, overrides.value);
	if (!loaded.ok) throw new UsageError(loaded.message);
	const config = fitToConfig(options, loaded.config);
	return options.mode === 'headless' ? runHeadlessCommand(options, config) : runLiveCommand(options, config);
}

// A closed pipe (`scaletop --list-presets | head -1`) is not an error worth a stack trace.
process.stdout.on('error', error => {
	if ((error as NodeJS.ErrnoException).code !== 'EPIPE') process.stderr.write(`scaletop: cannot write the output: ${error.message}\n`);
	process.exit(process.exitCode ?? 0);
});

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof SimConfigError) {
		process.stderr.write(`scaletop: ${error.message}\n`);
		process.exitCode = 2;
	} else if (error instanceof UsageError) {
		process.stderr.write(error.message.includes('\n') || /^\S+:\d+:\d+ /.test(error.message) ? `${error.message}\n` : `scaletop: ${error.message}\n`);
		process.exitCode = error.exitCode;
	} else {
		const reason = error instanceof Error ? error.message : String(error);
		process.stderr.write(`scaletop: unexpected error: ${reason} (please report it)\n`);
		process.exitCode = 1;
	}
}
