/** A binary min-heap of (time, id) pairs on typed arrays: no allocation per event. */
export class EventHeap {
	private readonly times: Float64Array;
	private readonly ids: Int32Array;
	private count = 0;

	constructor(capacity: number) {
		this.times = new Float64Array(Math.max(1, capacity));
		this.ids = new Int32Array(Math.max(1, capacity));
	}

	/** Number of queued events. */
	get size(): number {
		return this.count;
	}

	/** Earliest time (undefined when empty). */
	peekTime(): number | undefined {
		return this.count > 0 ? this.times[0] : undefined;
	}

	/** Earliest id (-1 when empty). */
	peekId(): number {
		return this.count > 0 ? this.ids[0]! : -1;
	}

	push(time: number, id: number): void {
		let k = this.count++;
		while (k > 0) {
			const parent = (k - 1) >> 1;
			// Ties break by id so the order is fully deterministic.
			if (this.times[parent]! < time || (this.times[parent] === time && this.ids[parent]! <= id)) break;
			this.times[k] = this.times[parent]!;
			this.ids[k] = this.ids[parent]!;
			k = parent;
		}

		this.times[k] = time;
		this.ids[k] = id;
	}

	/** Removes the earliest event; returns its id. */
	pop(): number {
		const top = this.ids[0]!;
		const n = --this.count;
		if (n === 0) return top;
		const time = this.times[n]!;
		const id = this.ids[n]!;
		let k = 0;
		for (;;) {
			let child = (2 * k) + 1;
			if (child >= n) break;
			const right = child + 1;
			if (right < n && (this.times[right]! < this.times[child]! || (this.times[right] === this.times[child] && this.ids[right]! < this.ids[child]!))) child = right;
			if (this.times[child]! > time || (this.times[child] === time && this.ids[child]! >= id)) break;
			this.times[k] = this.times[child]!;
			this.ids[k] = this.ids[child]!;
			k = child;
		}

		this.times[k] = time;
		this.ids[k] = id;
		return top;
	}
}
