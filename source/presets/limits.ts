/**
 * The documented limits of a run and of a preset file (docs/presets.md, `scaletop --help`).
 * Each keeps one run within reasonable time and memory on a laptop: past it a preset or a flag
 * is refused with one sentence saying the limit, never run for hours or until memory runs out.
 */

/** The longest run: 30 simulated days (a steady fleet simulates a week in about 5 s). */
export const maxDurationSeconds = 30 * 86_400;

/** The most ticks in one run (30 days of one-second ticks). */
export const maxTicks = 2_592_000;

/** The shortest tick (`tick:`), seconds. */
export const minTickSeconds = 0.1;

/** The longest tick, seconds: health checks and CloudWatch periods are counted in ticks. */
export const maxTickSeconds = 60;

/** The most instances in the Auto Scaling group (`min`, `max`, `desired`, scheduled actions). */
export const maxGroupSize = 10_000;

/** The most standalone instances (`instances:`). */
export const maxStandaloneInstances = 1000;

/** The most timeline entries. */
export const maxTimelineEntries = 10_000;

/** The largest preset file, bytes (a preset is a page of settings, not a data set). */
export const maxPresetBytes = 1_048_576;

/** The largest trace CSV, bytes, and the most points in it (a day of one-second points fits). */
export const maxTraceBytes = 4_194_304;
export const maxTracePoints = 100_000;

/** A cast made by `--headless --record` lasts from this many seconds … */
export const minCastSeconds = 1;
/** … to this many (an hour of cast at 10 frames a second is 36,000 frames). */
export const maxCastSeconds = 3600;
