/** One measured figure: a name, its value with unit, and the goal it is held to. */
export type BenchLine = {readonly name: string; readonly value: string; readonly goal?: string};
