/**
 * A broken linear function through (utilization, score) points, as RequestedToCapacityRatio
 * scores with it: flat before the first point and after the last, Go integer arithmetic between.
 * Mirrors pkg/scheduler/framework/plugins/helper/shape_score.go (BuildBrokenLinearFunction)
 */

/** One point of the shape. */
export interface FunctionShapePoint {
  utilization: number
  score: number
}

/** BuildBrokenLinearFunction */
export function buildBrokenLinearFunction(
  shape: readonly FunctionShapePoint[],
): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      const cur = shape[i] as FunctionShapePoint
      if (p <= cur.utilization) {
        if (i === 0) return cur.score
        const prev = shape[i - 1] as FunctionShapePoint
        return (
          prev.score +
          Math.trunc(
            ((cur.score - prev.score) * (p - prev.utilization)) /
              (cur.utilization - prev.utilization),
          )
        )
      }
    }
    return shape[shape.length - 1]?.score ?? 0
  }
}
