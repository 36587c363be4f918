/**
 * ALB access logs (AWS's documented format, one request per line): the requests per second,
 * by each entry's `request_creation_time`. An entry is space-separated fields, some of them
 * double-quoted (`"GET http://… HTTP/1.1"`); in order:
 *
 *   type time elb client:port target:port request_processing_time target_processing_time
 *   response_processing_time elb_status_code target_status_code received_bytes sent_bytes
 *   "request" "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name"
 *   "chosen_cert_arn" matched_rule_priority request_creation_time "actions_executed" …
 *
 * so `request_creation_time` is the 22nd field; AWS may add fields at the end, which are
 * ignored. An entry whose request_creation_time is `-` counts at its `time` (when the load
 * balancer answered). Classic Load Balancer entries (`time elb client:port backend:port …`,
 * the time first) are read too: their `time` is when the request was received. Pure.
 */
import type {TraceProblem} from './trace.js';

/** Requests per whole second (Unix seconds) of one log file, or its first problem. */
export type AlbLogCounts = {readonly counts: Map<number, number>; readonly entries: number} | {readonly problem: TraceProblem};

const isoTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** Unix seconds of an ISO 8601 UTC time like 2018-07-02T22:22:48.364000Z (the second it falls in). */
export function isoSeconds(text: string): number | undefined {
	const match = isoTime.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
	if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
	return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

/** The fields of a line and the 1-based column each starts at (quoted fields without their quotes). */
export function splitFields(line: string, limit = Number.POSITIVE_INFINITY): {readonly fields: string[]; readonly columns: number[]; readonly isOpenQuote: boolean} {
	const fields: string[] = [];
	const columns: number[] = [];
	let k = 0;
	while (k < line.length && fields.length < limit) {
		while (line[k] === ' ') k++;
		if (k >= line.length) break;
		columns.push(k + 1);
		if (line[k] === '"') {
			const end = line.indexOf('"', k + 1);
			if (end === -1) {
				fields.push(line.slice(k + 1));
				return {fields, columns, isOpenQuote: true};
			}

			fields.push(line.slice(k + 1, end));
			k = end + 1;
		} else {
			const end = line.indexOf(' ', k);
			fields.push(line.slice(k, end === -1 ? line.length : end));
			k = end === -1 ? line.length : end;
		}
	}

	return {fields, columns, isOpenQuote: false};
}

const creationField = 21;
const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Count one log file's requests per second, or say where its first bad entry is. */
export function countAlbLog(text: string): AlbLogCounts {
	const counts = new Map<number, number>();
	let entries = 0;
	let start = 0;
	let lineNumber = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		const isLast = end === -1;
		if (isLast) end = text.length;
		lineNumber++;
		const line = text.slice(start, end).replace(/\r$/, '');
		start = end + 1;
		if (line.trim() === '') continue;
		const problem = (column: number, message: string): AlbLogCounts => ({problem: {line: lineNumber, column, message: isLast ? `${message}; the file ends in the middle of this line: is it truncated?` : message}});
		const {fields, columns, isOpenQuote} = splitFields(line, creationField + 1);
		const isClassic = isoSeconds(fields[0] ?? '') !== undefined;
		let seconds: number | undefined;
		if (isClassic) {
			seconds = isoSeconds(fields[0]!);
		} else {
			if (!/^[a-z\d]+$/.test(fields[0] ?? '')) {
				const hint = /^\s*[{[]/.test(line) ? ' (this looks like JSON: a CloudWatch export is format: cloudwatch, a scaletop metrics file format: metrics)' : '';
				return problem(1, `expected an ALB access log entry (type time elb client:port …), got ${show(line)}${hint}`);
			}
			if (isOpenQuote || fields.length <= creationField) return problem(columns.at(-1) ?? 1, `expected an ALB access log entry with request_creation_time (field 22), got ${fields.length} field${fields.length === 1 ? '' : 's'}`);
			const creation = fields[creationField]!;
			seconds = creation === '-' ? isoSeconds(fields[1]!) : isoSeconds(creation);
			if (seconds === undefined) {
				const column = creation === '-' ? columns[1]! : columns[creationField]!;
				const name = creation === '-' ? 'time' : 'request_creation_time';
				return problem(column, `${name}: expected an ISO 8601 UTC time like 2018-07-02T22:22:48.364000Z, got ${show(creation === '-' ? fields[1]! : creation)}`);
			}
		}

		counts.set(seconds!, (counts.get(seconds!) ?? 0) + 1);
		entries++;
	}

	return {counts, entries};
}
