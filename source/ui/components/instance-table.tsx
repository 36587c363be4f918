import React from 'react';
import {instanceTableLines, type InstanceTableInput} from '../panels/instance-table.js';
import type {Theme} from '../theme.js';
import {Lines} from './lines.js';

/** Props of {@link InstanceTable}. */
export type InstanceTableProps = InstanceTableInput & {readonly theme: Theme};

/** Dense, sortable, scrolling instance table; the selected instance is shown in reverse video. */
export function InstanceTable(props: InstanceTableProps) {
	const {lines, selectedLine} = instanceTableLines(props);
	return <Lines lines={lines} width={props.width} height={props.height} theme={props.theme} selectedIndex={selectedLine} />;
}
