// Mirrors staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go
// Durations are milliseconds here; Go's int() conversions truncate toward zero, so Math.trunc.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** duration.ShortHumanDuration: one unit only (`45s`, `3m`, `5h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  // Up to two seconds of clock skew count as "now".
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 60) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** duration.HumanDuration: ~2-3 significant figures (`90s`, `2m3s`, `3h10m`, `2d3h`, `2y15d`). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    const days = Math.trunc(hours / 24)
    return h === 0 ? `${days}d` : `${days}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  const years = Math.trunc(hours / 24 / 365)
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    return dy === 0 ? `${years}y` : `${years}y${dy}d`
  }
  return `${years}y`
}

/**
 * translateTimestampSince from pkg/printers/internalversion/printers.go: the AGE column.
 * A missing (zero) or unparsable timestamp prints `<unknown>`.
 */
export function age(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>'
  const then = Date.parse(timestamp)
  if (Number.isNaN(then)) return '<unknown>'
  return humanDuration(nowMs - then)
}
