/**
 * The FailedScheduling message: "0/X nodes are available: <PreFilterMsg>. <counted reasons>.
 * <PostFilterMsg>", reasons counted over nodes and sorted as strings, as upstream prints them.
 * Mirrors pkg/scheduler/framework/types.go (FitError.Error)
 */
import type { Diagnosis } from './types'

/** NoNodeAvailableMsg */
export const noNodeAvailableMsg = (n: number): string => `0/${n} nodes are available`

/** ErrNoNodesAvailable (pkg/scheduler/schedule_one.go) */
export const errNoNodesAvailable = 'no nodes available to schedule pods'

// Go's sort.Strings compares bytes; for these ASCII texts that is UTF-16 code unit order.
const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** FitError.Error() */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${noNodeAvailableMsg(numAllNodes)}:`
  if (d.preFilterMsg !== '') msg += ` ${d.preFilterMsg}.`
  else {
    const reasons = new Map<string, number>()
    for (const [, s] of d.nodeToStatus.entries())
      for (const r of s.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1)
    const absent = numAllNodes - d.nodeToStatus.len()
    if (absent > 0)
      for (const r of d.nodeToStatus.absentNodesStatus.reasons)
        reasons.set(r, (reasons.get(r) ?? 0) + absent)
    const sorted = [...reasons].map(([r, n]) => `${n} ${r}`).sort(byBytes)
    if (sorted.length) msg += ` ${sorted.join(', ')}.`
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`
  return msg
}
