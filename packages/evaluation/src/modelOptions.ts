import type { RememberedModel } from './rememberedModel.ts';

// The remembered model as a query string or a command line gives it: flat text options.

export const MODEL_KINDS = ['peak-end', 'mean', 'weighted'] as const;

/** The weights a weighted model starts from: the start counts, the peak counts, the end counts double. */
export const DEFAULT_WEIGHTS = { start: 1, peak: 1, end: 2 } as const;

export interface ModelOptions {
  model?: string;
  start?: string | number;
  peak?: string | number;
  end?: string | number;
}

/** A model option that cannot be used; `field` is the option's name, for an error that points at it. */
export class ModelOptionError extends RangeError {
  readonly field: 'model' | 'start' | 'peak' | 'end';
  constructor(field: ModelOptionError['field'], message: string) {
    super(`${field}: ${message}`);
    this.name = 'ModelOptionError';
    this.field = field;
  }
}

function weight(value: string | number | undefined, field: 'start' | 'peak' | 'end'): number {
  if (value === undefined || value === '') return DEFAULT_WEIGHTS[field];
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number) || number < 0) throw new ModelOptionError(field, `a weight must be a number of 0 or more, got ${JSON.stringify(value)}`);
  return number;
}

/**
 * The model the options describe. Weights are only read for the weighted model and default to
 * DEFAULT_WEIGHTS. Throws a ModelOptionError naming the option.
 */
export function modelFromOptions(options: ModelOptions): RememberedModel {
  const kind = options.model ?? 'peak-end';
  if (kind === 'peak-end' || kind === 'mean') return { kind };
  if (kind !== 'weighted') throw new ModelOptionError('model', `must be peak-end, mean or weighted, got ${JSON.stringify(kind)}`);
  const model = { kind, start: weight(options.start, 'start'), peak: weight(options.peak, 'peak'), end: weight(options.end, 'end') } as const;
  if (model.start + model.peak + model.end <= 0) throw new ModelOptionError('end', 'the weights start, peak and end must not all be 0');
  return model;
}
