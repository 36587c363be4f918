/** Selectors for the control plane: the Auto Scaling group and CloudWatch alarms. (Stubs.) */
import type {AlarmView, AutoScalingView} from '../read-model.js';
import type {SimState} from '../types.js';

export function selectAutoScaling(_state: SimState): AutoScalingView | undefined {
	return undefined;
}

export function selectAlarms(_state: SimState): readonly AlarmView[] {
	return [];
}
