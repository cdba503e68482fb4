/**
 * Test helper: a copy of a JSON object with some fields set or removed, addressed by dotted
 * paths ("spec.ports.0.port"), so table rows can describe variants without `any`.
 */

/** One edit: the dotted path and the new value (undefined removes the field). */
export type Edit = [path: string, value: unknown]

function isContainer(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

/** A deep copy of obj with the edits applied in order; missing parents are created as objects. */
export function edited<T>(obj: T, ...edits: Edit[]): T {
  const out = JSON.parse(JSON.stringify(obj)) as T
  for (const [path, value] of edits) {
    const keys = path.split('.')
    const last = keys.pop() ?? ''
    let cur = out as unknown as Record<string, unknown>
    for (const k of keys) {
      const next = cur[k]
      if (!isContainer(next)) cur[k] = {}
      cur = cur[k] as Record<string, unknown>
    }
    if (value === undefined) delete cur[last]
    else cur[last] = JSON.parse(JSON.stringify(value)) as unknown
  }
  return out
}
