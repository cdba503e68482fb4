/** Value kinds a kubectl flag can hold, named after their pflag Value types. */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration'

/** A parsed flag value: bool → boolean, int → number, duration → milliseconds, arrays → string[]. */
export type FlagValue = boolean | string | number | string[]

/** One flag as a command declares it (pflag's Flag: name, shorthand, value type, default, usage). */
export interface FlagSpec {
  /** Long name without dashes, e.g. `namespace`. */
  readonly name: string
  /** One-letter shorthand, e.g. `n`. */
  readonly shorthand?: string
  readonly type: FlagType
  /** Value before parsing; if absent: false, '', 0, 0 or [] by type. */
  readonly default?: FlagValue
  /** Help text as `kubectl <cmd> --help` prints it. */
  readonly usage: string
  /** Value used when the flag is given without `=value` (pflag NoOptDefVal); bools have 'true'. */
  readonly noOptDefVal?: string
}

/** The default value a flag has before any argument sets it. */
export function flagDefault(spec: FlagSpec): FlagValue {
  if (spec.default !== undefined)
    return Array.isArray(spec.default) ? [...spec.default] : spec.default
  switch (spec.type) {
    case 'bool':
      return false
    case 'string':
      return ''
    case 'int':
    case 'duration':
      return 0
    case 'stringArray':
    case 'stringSlice':
      return []
  }
}
