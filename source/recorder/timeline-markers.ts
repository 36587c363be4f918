/**
 * Pure: the chapters of a preset's story, one cast marker per timeline event. A preset usually
 * tells one event with a few entries a second apart — a `marker`, the action, a caption one
 * second later — and three markers within 0.2 s of cast time are noise in a player's chapter
 * list. Entries within {@link beatSeconds} of the first entry of a beat are one beat; its label
 * is the preset's own marker label if it has one, else the action's name (describeAction, the
 * same words as the activity log and the dashboard's feedback line), else the caption.
 * Headless recordings and live `--record` both take their markers from here.
 */
import {describeAction, type SimConfig} from '../sim/index.js';

/** Entries this close to the first entry of a beat (simulated seconds) belong to it. */
export const beatSeconds = 2;

/** One chapter: the tick of its first entry and its label. */
export type TimelineMarker = {readonly atTick: number; readonly label: string};

/** The markers of a run's timeline, in time order. */
export function timelineMarkers(config: SimConfig): readonly TimelineMarker[] {
	const entries = config.timeline.map((entry, index) => ({entry, index})).sort((a, b) => a.entry.atTick - b.entry.atTick || a.index - b.index).map(({entry}) => entry);
	const windowTicks = Math.floor(beatSeconds / config.tickSeconds);
	const markers: TimelineMarker[] = [];
	let k = 0;
	while (k < entries.length) {
		const first = entries[k].atTick;
		let marker: string | undefined;
		let action: string | undefined;
		let caption: string | undefined;
		for (; k < entries.length && entries[k].atTick <= first + windowTicks; k++) {
			const {action: a} = entries[k];
			if (a.type === 'preset/marker-reached') marker ??= a.label;
			else if (a.type === 'preset/caption-shown') caption ??= a.text === '' ? undefined : a.text;
			else if (a.type !== 'preset/pause-requested') action ??= describeAction(a);
		}

		const label = marker ?? action ?? caption;
		if (label !== undefined) markers.push({atTick: first, label});
	}

	return markers;
}
