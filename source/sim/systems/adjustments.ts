/**
 * Scaling arithmetic, exactly as AWS documents it (aws-behaviour.md §3.1, §3.3, §3.4). Pure
 * functions of numbers, so the worked examples from the reference are tested one to one.
 */
import type {AdjustmentType, StepAdjustment} from '../config.js';

/** Clamp a capacity to [min, max] (policies and scheduled actions are clamped; manual requests are refused instead). */
export function clampCapacity(capacity: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, capacity));
}

/**
 * The instance change of a `PercentChangeInCapacity` adjustment: above 1 rounds down
 * (12.7 → 12), between 0 and 1 becomes 1, between -1 and 0 becomes -1, below -1 rounds
 * toward zero (-6.67 → -6); then MinAdjustmentMagnitude raises a too-small change.
 */
export function percentChange(current: number, percent: number, minAdjustmentMagnitude = 0): number {
	const raw = (current * percent) / 100;
	let change: number;
	if (raw >= 1) change = Math.floor(raw);
	else if (raw > 0) change = 1;
	else if (raw === 0) change = 0;
	else if (raw > -1) change = -1;
	else change = Math.ceil(raw);
	if (change !== 0 && Math.abs(change) < minAdjustmentMagnitude) change = Math.sign(change) * minAdjustmentMagnitude;
	return change;
}

/** New capacity after an adjustment, before clamping. */
export function adjustCapacity(type: AdjustmentType, value: number, current: number, minAdjustmentMagnitude = 0): number {
	switch (type) {
		case 'ChangeInCapacity': {
			return current + value;
		}

		case 'ExactCapacity': {
			return value;
		}

		case 'PercentChangeInCapacity': {
			return current + percentChange(current, value, minAdjustmentMagnitude);
		}
	}
}

/**
 * The step whose range (relative to the threshold) holds `metric`: above the threshold the
 * lower bound is inclusive and the upper exclusive; below it the lower is exclusive and the
 * upper inclusive. Undefined when no step matches.
 */
export function matchStep(steps: readonly StepAdjustment[], metric: number, threshold: number): StepAdjustment | undefined {
	const d = metric - threshold;
	return steps.find(step => {
		const lower = step.lower ?? Number.NEGATIVE_INFINITY;
		const upper = step.upper ?? Number.POSITIVE_INFINITY;
		return d >= 0 ? lower <= d && d < upper : lower < d && d <= upper;
	});
}

/** Target tracking: the capacity that brings `metric` to `target`, rounded up (AWS rounds conservatively). */
export function targetTrackingCapacity(current: number, metric: number, target: number): number {
	if (target <= 0) return current;
	return Math.ceil(((current * metric) / target) - 1e-9);
}
