/**
 * Go's time.Duration String(), for a duration in whole milliseconds: "10s", "1m20s", "5m0s",
 * "2.764s", "512ms", "0s", as the kubelet prints back-offs and pull times.
 * Mirrors the Go standard library's time/time.go (Duration.String)
 */

/** Format `ms` as Go prints a Duration. */
export function goDuration(ms: number): string {
  const d = Math.trunc(ms)
  if (d === 0) return '0s'
  const neg = d < 0
  let rest = Math.abs(d)
  if (rest < 1000) return `${neg ? '-' : ''}${rest}ms`
  const hours = Math.floor(rest / 3_600_000)
  rest -= hours * 3_600_000
  const minutes = Math.floor(rest / 60_000)
  rest -= minutes * 60_000
  const secs = Math.floor(rest / 1000)
  const frac = rest - secs * 1000
  const fraction = frac ? `.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : ''
  let out = `${secs}${fraction}s`
  if (hours > 0) out = `${hours}h${minutes}m${out}`
  else if (minutes > 0) out = `${minutes}m${out}`
  return (neg ? '-' : '') + out
}
