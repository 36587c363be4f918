/**
 * Ctrl-C and SIGTERM during a headless run (one preset's or a comparison's): the run is asked to
 * stop through an AbortSignal, and the caller learns which signal came, to exit 130 or 143 after
 * printing what it has so far. The handlers are removed when the run ends, signalled or not.
 */
export async function untilInterrupted<T>(run: (signal: AbortSignal) => Promise<T>): Promise<{readonly result: T; readonly signalExitCode: number}> {
	const controller = new AbortController();
	let signalExitCode = 0;
	const onSignal = (code: number) => () => {
		signalExitCode = code;
		controller.abort();
	};

	const onInterrupt = onSignal(130);
	const onTerminate = onSignal(143);
	process.once('SIGINT', onInterrupt);
	process.once('SIGTERM', onTerminate);
	try {
		const result = await run(controller.signal);
		return {result, signalExitCode};
	} finally {
		process.off('SIGINT', onInterrupt);
		process.off('SIGTERM', onTerminate);
	}
}
