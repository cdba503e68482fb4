/**
 * Shell arithmetic expansion $(( … )): integers, variables, + - * / % and parentheses, with
 * unary minus; division truncates toward zero as in C. A bad expression reads as NaN.
 */

/** Evaluate an arithmetic expression; variables are read through `lookup`. */
export function evalArith(expr: string, lookup: (name: string) => string): number {
  const tokens = expr.match(
    /\s*([0-9]+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|[-+*/%()])/g,
  )
  if (!tokens || tokens.join('').replace(/\s/g, '') !== expr.replace(/\s/g, '')) return NaN
  const toks = tokens.map((t) => t.trim())
  let i = 0
  const value = (name: string): number => {
    const v = lookup(name.replace(/^\$/, '')).trim()
    if (v === '') return 0
    const n = Number(v)
    return Number.isInteger(n) ? n : NaN
  }
  const primary = (): number => {
    const t = toks[i++]
    if (t === undefined) return NaN
    if (t === '(') {
      const v = sum()
      if (toks[i++] !== ')') return NaN
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (/^[0-9]+$/.test(t)) return Number(t)
    if (/^\$?[A-Za-z_]/.test(t)) return value(t)
    return NaN
  }
  const product = (): number => {
    let v = primary()
    for (;;) {
      const op = toks[i]
      if (op !== '*' && op !== '/' && op !== '%') return v
      i++
      const r = primary()
      if (op === '*') v *= r
      else if (r === 0) return NaN
      else v = op === '/' ? Math.trunc(v / r) : v % r
    }
  }
  const sum = (): number => {
    let v = product()
    for (;;) {
      const op = toks[i]
      if (op !== '+' && op !== '-') return v
      i++
      const r = product()
      v = op === '+' ? v + r : v - r
    }
  }
  const result = sum()
  return i === toks.length ? result : NaN
}
