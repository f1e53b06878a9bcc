// The shape of one reported figure, and budget checks.

/** A limit on a figure: its ratio (`ratio`) or its own value (`value`). */
export interface Budget {
  on: 'ratio' | 'value';
  op: '>=' | '<=';
  limit: number;
}

/** One measured figure, as printed and written to bench/results.json. */
export interface Figure {
  name: string;
  /** The measured value in `unit`. */
  value: number;
  unit: string;
  /** What the value is compared with, when it is a ratio. */
  baseline?: { name: string; value: number; unit: string };
  /** `value` over `baseline.value` (median of per-run ratios for rates), when budgeted as a ratio. */
  ratio?: number;
  budget?: Budget;
  /** Undefined when the figure has no budget. */
  pass?: boolean;
  note?: string;
}

/** Whether a figure meets its budget (true when it has none). */
export function meets(figure: Figure): boolean {
  if (!figure.budget) return true;
  const subject = figure.budget.on === 'ratio' ? figure.ratio : figure.value;
  if (subject === undefined || !Number.isFinite(subject)) return false;
  return figure.budget.op === '>=' ? subject >= figure.budget.limit : subject <= figure.budget.limit;
}

/** A figure that could not be measured: it fails its budget and says why. */
export function failed(name: string, unit: string, budget: Budget | undefined, error: unknown): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return { name, value: Number.NaN, unit, ...(budget ? { budget } : {}), note: `not measured: ${message.split('\n')[0]}` };
}
