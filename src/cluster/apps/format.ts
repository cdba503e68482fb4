/**
 * Time formats that simulated programs print in their logs, all in UTC (containers run with
 * TZ unset): nginx's error log and access log, busybox date, ISO 8601.
 */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function parts(ms: number) {
  const d = new Date(ms)
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  }
}

/** nginx error log time: "2026/01/01 00:00:05". */
export function nginxErrorTime(ms: number): string {
  const p = parts(ms)
  return `${p.y}/${pad(p.mo + 1)}/${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}`
}

/** Common log format time ($time_local): "01/Jan/2026:00:00:05 +0000". */
export function commonLogTime(ms: number): string {
  const p = parts(ms)
  return `${pad(p.d)}/${months[p.mo] ?? ''}/${p.y}:${pad(p.h)}:${pad(p.mi)}:${pad(p.s)} +0000`
}

/** busybox `date`: "Thu Jan  1 00:00:05 UTC 2026". */
export function busyboxDate(ms: number): string {
  const p = parts(ms)
  return `${days[p.wd] ?? ''} ${months[p.mo] ?? ''} ${String(p.d).padStart(2, ' ')} ${pad(p.h)}:${pad(p.mi)}:${pad(p.s)} UTC ${p.y}`
}

/** ISO 8601 with milliseconds: "2026-01-01T00:00:05.000Z". */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString()
}
