/**
 * The documented limits of a run and of a preset file (docs/presets.md "Limits", `scaletop
 * --help`). Each keeps one run within reasonable time and memory on a laptop: past it a preset
 * or a flag is refused with one located sentence saying the limit, never run for hours or until
 * memory runs out. The figures behind them are in docs/benchmarks.md ("Huge presets").
 */

/** The longest run: 30 simulated days (a steady fleet simulates a week in about 5 s). */
export const maxDurationSeconds = 30 * 86_400;

/** The most ticks in one run (30 days of one-second ticks). */
export const maxTicks = 2_592_000;

/** The shortest tick (`tick:`), seconds. */
export const minTickSeconds = 0.1;

/** The longest tick, seconds: health checks and CloudWatch periods are counted in ticks. */
export const maxTickSeconds = 60;

/**
 * The most instances in the Auto Scaling group (`min`, `max`, `desired`, scheduled actions,
 * `set-desired`). Every tick costs time in proportion to the fleet: 1,000 instances simulate
 * ten minutes in about 7 s.
 */
export const maxGroupSize = 1000;

/** The most standalone instances (`instances:`): each is written out by hand. */
export const maxStandaloneInstances = 100;

/**
 * The most timeline entries, and the most `steps` of a `steps` load: a timeline is a script of
 * events, read and applied one by one (a recorded load belongs in a trace file).
 */
export const maxTimelineEntries = 1000;
export const maxLoadSteps = 1000;

/**
 * The most points of a CSV trace, and of bins of a replay (`load: { pattern: trace }`): 31
 * days at one a second, a month of recorded traffic at the finest a log gives. A day at 1 s
 * (86,400 points) loads in about a second. (The longest run is 30 days.)
 */
export const maxTracePoints = 31 * 86_400;

/**
 * The most bytes of a trace, uncompressed: one file, or all the logs of a folder together. A
 * trace is read whole, as text, and V8's longest string is just under 512 MB (a 512 MB file
 * failed with "Cannot create a string longer than 0x1fffffe8 characters"); a 186 MB ALB log
 * (300,000 entries) replays in about 3 s.
 */
export const maxTraceBytes = 500 * 1_048_576;

/** The largest preset file, bytes (a preset is a page of settings, not a data set). */
export const maxPresetBytes = 1_048_576;

/** The deepest nesting of maps and lists in a preset (the format itself is five levels deep). */
export const maxNestingDepth = 32;

/** A cast made by `--headless --record` lasts from this many seconds … */
export const minCastSeconds = 1;
/** … to this many (an hour of cast at 10 frames a second is 36,000 frames). */
export const maxCastSeconds = 3600;

/** `1,000`: a limit as messages and help print it. */
export function formatLimit(value: number): string {
	return value.toLocaleString('en-US');
}
