/**
 * The `--help` texts: scaletop's, and `scaletop ab --help` in ApacheBench's own layout. The
 * limits they state come from the constants that enforce them.
 */
import {maxAbInstances, maxAbRequests} from '../ab/options.js';
import {formatLimit, maxCastSeconds, maxDurationSeconds, maxGroupSize, maxLoadSteps, maxNestingDepth, maxPresetBytes, maxStandaloneInstances, maxTicks, maxTickSeconds, maxTimelineEntries, maxTraceBytes, maxTracePoints, minCastSeconds, minTickSeconds} from '../presets/limits.js';

const formatBytes = (bytes: number) => `${bytes / 1_048_576} MB`;
import {formatDuration} from '../presets/units.js';
import {minColumns, minRows} from '../ui/layout.js';
import {maxSpeed, minSpeed} from '../ui/ui-state.js';
import type {CommandName} from './args.js';

/** Live `--speed` bounds: the dashboard's own range of speeds (`[` and `]` step through it). */
export const liveSpeedRange = {min: minSpeed, max: maxSpeed} as const;

/** The largest `--cols`/`--rows` of a recording. */
export const maxCastColumns = 1000;
export const maxCastRows = 1000;

/** The highest `--fps`. */
export const maxFps = 120;

/** The main `--help` text. */
export const helpText = `
  top for a simulated AWS fleet: EC2 behind an ELB, an Auto Scaling group driven by CloudWatch
  alarms, and a load generator.

  Usage
    $ scaletop [PRESET]                      live dashboard (default preset: tour)
    $ scaletop PRESET --headless [--json]    run to the end without a UI, print a summary
    $ scaletop PRESET --record FILE.cast     record an asciicast screencast (live, or --headless)
    $ scaletop --list-presets [--json]       names, titles and durations of the built-in presets
    $ scaletop ab -n N -c C [options]        an ApacheBench run against the simulated fleet
                                             (scaletop ab --help lists its options)
    $ scaletop compare A B --headless [--json]   two presets on the same traffic, side by side
    $ scaletop sweep PRESET --set KEY=V1,V2 [--seeds 1-20]   every combination × seed, one row each

  PRESET is a built-in name (see --list-presets) or the path of a YAML preset file.

  Options
    --headless             run as fast as possible without a UI and print a readable summary
    --json                 with --headless: print the summary as one JSON object instead
    --metrics FILE         write one JSON line per simulated interval (NDJSON), in any mode
    --interval DURATION    metrics interval in simulated time, a whole number of ticks
                           (default 1m)
    --events FILE          write the Auto Scaling activity history, alarm state changes,
                           actions and captions as NDJSON ({"t","kind","text"}), in any mode
    --force                overwrite an existing --metrics, --events or --record file
    --seed N               the seed, 0 to 4294967295 (default: the preset's)
    --duration DURATION    run length, like 90s, 30m or 1h, at most ${formatDuration(maxDurationSeconds)} (default: the preset's)
    --speed X              simulated seconds per real second, ${liveSpeedRange.min} to ${liveSpeedRange.max} (live), or per
                           cast second (--record --headless: the cast lasts ${formatDuration(minCastSeconds)} to ${formatDuration(maxCastSeconds)};
                           default: one minute)
    --record FILE.cast     record an asciicast (live: what you see; --headless: rendered from
                           simulated time); --cols N (${minColumns}-${maxCastColumns}) and --rows N (${minRows}-${maxCastRows}) set the
                           size of a headless recording (default 120x36), --fps N its frame
                           rate (1-${maxFps}, default 10), --cast-format v2|v3 (default v2)
    --set KEY=VALUE        change one setting of the preset by its key path, as if written in
                           the file (--set autoScaling.defaultCooldown=120s); repeatable
    --ascii                draw with ASCII only (no block or box glyphs), for fonts and
                           consoles without them; live dashboard and recordings
    --no-color             no colour (as NO_COLOR=1 or FORCE_COLOR=0 do); --color turns it
                           on; with TERM=dumb the live run prints plain lines instead
    --list-presets         list the built-in presets (with --json: as JSON)
    --help, --version      anywhere on the line

  Preset limits (docs/presets.md): a file of at most ${formatBytes(maxPresetBytes)}, nesting ${maxNestingDepth} deep,
  ${formatLimit(maxGroupSize)} instances in the group, ${formatLimit(maxStandaloneInstances)} standalone, ${formatLimit(maxTimelineEntries)} timeline entries,
  ${formatLimit(maxLoadSteps)} load steps, a tick of ${formatDuration(minTickSeconds)} to ${formatDuration(maxTickSeconds)}, ${formatDuration(maxDurationSeconds)} and ${formatLimit(maxTicks)} ticks;
  a trace of ${formatBytes(maxTraceBytes)} uncompressed and ${formatLimit(maxTracePoints)} points or bins (31 days at 1 s).

  Exit codes: 0 success, 1 the run failed (an invariant broke, or a file could not be
  written), 2 bad usage or a bad preset, 130/143 interrupted (Ctrl-C / SIGTERM),
  129 the terminal went away.

  Examples
    $ scaletop thrashing --headless
    $ scaletop daily-traffic --headless --json --metrics day.ndjson
    $ scaletop thrashing --headless --events why.ndjson
    $ scaletop ab -n 1000 -c 10
`;

/** `scaletop ab --help`, in ab's layout ("Usage: ab [options] …", "Options are:"). */
export const abHelpText = `Usage: scaletop ab [options]
ApacheBench 2.3 against a simulated fleet behind an Elastic Load Balancer: -c clients, each
with one request outstanding, send -n requests in all; prints ab's report.
Options are:
    -n requests     Number of requests to perform (1 to ${maxAbRequests.toLocaleString('en-US')}; default 1)
    -c concurrency  Number of multiple requests to make at a time (default 1; at most -n)
    --type T        Instance type behind the load balancer (default t2.micro)
    --instances K   Instances behind the load balancer (1 to ${maxAbInstances.toLocaleString('en-US')}; default 1)
    --app PROFILE   App on each instance: wordpress (default), static, api, batch
    --algorithm A   Routing: round-robin (default), least-outstanding-requests, weighted
    --seed N        Seed of the simulated run, 0 to 4294967295 (default 1)
    -h, --help      Display usage information (this message)
    --version       Display version number and exit
Values may be attached, as in ab: -n100 -c10.
Not supported: -k (keep-alive) and -t (time limit); the rest of ab's options are unknown here.
`;

/** The help text for a command. */
export function helpFor(command: CommandName): string {
	return command === 'ab' ? abHelpText : helpText;
}
