/**
 * A plugin's verdict: a code, reasons and the plugin that gave it. Success is `null`, as a nil
 * *Status is upstream, so the hot filter loop allocates nothing for nodes that pass.
 * Mirrors pkg/scheduler/framework/interface.go (Code, Status)
 */

/** The status codes, spelled as upstream's Code.String(). */
export type Code =
  | 'Success'
  | 'Error'
  | 'Unschedulable'
  | 'UnschedulableAndUnresolvable'
  | 'Wait'
  | 'Skip'
  | 'Pending'

/** A non-success status (success is null). */
export interface Status {
  code: Exclude<Code, 'Success'>
  reasons: string[]
  /** The plugin that returned it, set by the framework. */
  plugin?: string
}

/** NewStatus(code, reasons...) */
export function newStatus(code: Status['code'], ...reasons: string[]): Status {
  return { code, reasons }
}

/** The status with its plugin recorded (WithPlugin). */
export function withPlugin(s: Status, plugin: string): Status {
  return s.plugin === plugin ? s : { ...s, plugin }
}

/** Status.Message(): the reasons joined by ", ". */
export function message(s: Status | null): string {
  return s ? s.reasons.join(', ') : ''
}

/** IsRejected(): Unschedulable, UnschedulableAndUnresolvable or Pending. */
export function isRejected(s: Status | null): boolean {
  return (
    s !== null &&
    (s.code === 'Unschedulable' ||
      s.code === 'UnschedulableAndUnresolvable' ||
      s.code === 'Pending')
  )
}

/** IsSkip() */
export function isSkip(s: Status | null): boolean {
  return s !== null && s.code === 'Skip'
}
