/**
 * The recorder's public surface (issue 5), for the CLI and the live dashboard:
 *
 *   checkOutputPath(flag, path, {force})   undefined, or the sentence to print before exiting 2
 *                                  (../files/output-file.ts: the one check of every output file)
 *   recordHeadless(options)        --headless --record FILE: render from simulated time
 *   openLiveTap(options)           --record FILE (live): a LiveOutputTap over the terminal output
 *   encodeHeader / createCastEncoder / encodeCast   pure asciicast v2/v3 encoding
 *   timelineMarkers(config)        one marker per timeline event (headless and live)
 */
export type {LiveOutputTap} from './types.js';
export {checkOutputPath, type OutputPathOptions} from '../files/output-file.js';
export {openCastFile, type CastFile, type CastOpenFailure, type OpenCastFileOptions} from './cast-file.js';
export {encodeCast, encodeHeader, createCastEncoder, formatMicroseconds, type CastEncoder, type CastEvent, type CastEventCode, type CastFormat, type CastHeader} from './cast-writer.js';
export {recordHeadless, checkRecordOptions, headlessDefaults, defaultSpeed, type RecordHeadlessOptions, type RecordProgress, type RecordResult} from './record-headless.js';
export {openLiveTap, type LiveTapOptions} from './live-tap.js';
export {headlessFrames, framePlan, durationTicks, recordingUiState, type FramePlanOptions, type FrameRenderer, type HeadlessFrame} from './headless-frames.js';
export {paintFrame, frameLines, finishPainting, clipLine} from '../ui/screen/paint-screen.js';
export {timelineMarkers, beatSeconds, type TimelineMarker} from './timeline-markers.js';
