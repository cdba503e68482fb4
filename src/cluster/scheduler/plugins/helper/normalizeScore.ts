/**
 * DefaultNormalizeScore: scale scores so the highest becomes maxPriority (or, reversed, the
 * lowest does), with Go's integer division.
 * Mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go
 */

/** Normalize in place. */
export function defaultNormalizeScore(
  maxPriority: number,
  reverse: boolean,
  scores: Float64Array,
): void {
  let maxCount = 0
  for (let i = 0; i < scores.length; i++)
    if ((scores[i] as number) > maxCount) maxCount = scores[i] as number
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority)
    return
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * (scores[i] as number)) / maxCount)
    if (reverse) s = maxPriority - s
    scores[i] = s
  }
}
