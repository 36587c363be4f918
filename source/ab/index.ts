/**
 * `scaletop ab`: ApacheBench against the simulated fleet. The CLI calls `checkAbOptions` on the
 * raw flags (exit 2 with its message when not ok), then `runAb`, then prints `formatAbReport`
 * on stdout (and, like ab, `formatAbProgress` lines on stderr).
 */
export {checkAbOptions, maxAbRequests, maxAbInstances, type AbOptions, type AbRawOptions} from './options.js';
export {runAb, type AbResult, type AbColumn} from './run.js';
export {formatAbReport, formatAbBanner, formatAbProgress} from './report.js';
