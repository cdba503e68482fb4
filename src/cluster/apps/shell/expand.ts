/**
 * Word expansion: parameters ($VAR, ${VAR:-x}, $?, $1 …), command substitution ($(…) and
 * `…`), arithmetic ($((…))), and field splitting of unquoted results.
 */
import { evalArith } from './arith'
import { execScript } from './interpreter'
import type { Word } from './lexer'
import { Exit, type Machine, type Out, type Proc } from './machine'

function lookupVar(p: Proc, name: string): string {
  if (name === '?') return String(p.status)
  if (name === '$') return '1'
  if (name === '#') return String(p.params.length)
  if (name === '0') return p.name
  if (name === '@' || name === '*') return p.params.join(' ')
  if (/^[1-9]$/.test(name)) return p.params[Number(name) - 1] ?? ''
  return p.vars.get(name) ?? ''
}

function commandSubstitution(m: Machine, p: Proc, script: string): string {
  const buf: Out = { kind: 'buf', text: [] }
  const child: Proc = { ...p, vars: new Map(p.vars), fd1: buf, loopDepth: 0 }
  try {
    execScript(m, child, script)
  } catch (e) {
    if (!(e instanceof Exit)) throw e
  }
  return (buf.kind === 'buf' ? buf.text.join('') : '').replace(/\n+$/, '')
}

/** Expand $-forms in text; returns segments, each marked as produced by an expansion or not. */
function expandText(m: Machine, p: Proc, s: string): { text: string; expanded: boolean }[] {
  const out: { text: string; expanded: boolean }[] = []
  let lit = ''
  const flush = (): void => {
    if (lit) out.push({ text: lit, expanded: false })
    lit = ''
  }
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c === '`') {
      const end = s.indexOf('`', i + 1)
      const inner = end < 0 ? s.slice(i + 1) : s.slice(i + 1, end)
      flush()
      out.push({ text: commandSubstitution(m, p, inner), expanded: true })
      i = end < 0 ? s.length : end + 1
      continue
    }
    if (c !== '$') {
      lit += c
      i++
      continue
    }
    const next = s[i + 1]
    if (next === '(' && s[i + 2] === '(') {
      const end = s.indexOf('))', i + 3)
      const expr = end < 0 ? s.slice(i + 3) : s.slice(i + 3, end)
      const v = evalArith(expr, (n) => lookupVar(p, n))
      flush()
      out.push({ text: Number.isNaN(v) ? '0' : String(v), expanded: true })
      i = end < 0 ? s.length : end + 2
    } else if (next === '(') {
      let depth = 0
      let j = i + 1
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++
        else if (s[j] === ')' && --depth === 0) break
      }
      flush()
      out.push({ text: commandSubstitution(m, p, s.slice(i + 2, j)), expanded: true })
      i = j + 1
    } else if (next === '{') {
      const end = s.indexOf('}', i + 2)
      const inner = end < 0 ? s.slice(i + 2) : s.slice(i + 2, end)
      const mm = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?#$@*])(:?[-=+?])?(.*)$/.exec(inner)
      let v = ''
      if (mm) {
        const name = mm[1] as string
        const value = lookupVar(p, name)
        const op = mm[2]
        const set = op?.startsWith(':') ? value !== '' : p.vars.has(name) || value !== ''
        if (op === ':-' || op === '-') v = set ? value : (mm[3] ?? '')
        else if (op === ':+' || op === '+') v = set ? (mm[3] ?? '') : ''
        else if (op === ':=' || op === '=') {
          v = set ? value : (mm[3] ?? '')
          if (!set) p.vars.set(name, v)
        } else v = value
      }
      flush()
      out.push({ text: v, expanded: true })
      i = end < 0 ? s.length : end + 1
    } else if (next !== undefined && /[A-Za-z_]/.test(next)) {
      let j = i + 1
      while (j < s.length && /[A-Za-z0-9_]/.test(s[j] as string)) j++
      flush()
      out.push({ text: lookupVar(p, s.slice(i + 1, j)), expanded: true })
      i = j
    } else if (next !== undefined && /[0-9?#$@*]/.test(next)) {
      flush()
      out.push({ text: lookupVar(p, next), expanded: true })
      i += 2
    } else {
      lit += '$'
      i++
    }
  }
  flush()
  return out
}

/** Expand a word into fields: unquoted expansion results split on whitespace. */
export function expandWord(m: Machine, p: Proc, word: Word, split = true): string[] {
  const fields: string[] = []
  let cur = ''
  let has = false
  for (const part of word) {
    if (part.quote === 'single') {
      cur += part.text
      has = true
      continue
    }
    for (const seg of expandText(m, p, part.text)) {
      if (part.quote === 'double' || !seg.expanded || !split) {
        cur += seg.text
        if (part.quote === 'double' || seg.text !== '') has = true
        continue
      }
      const pieces = seg.text.split(/[ \t\n]+/)
      pieces.forEach((piece, idx) => {
        if (idx > 0 && (cur !== '' || has)) {
          fields.push(cur)
          cur = ''
          has = false
        }
        if (piece !== '') {
          cur += piece
          has = true
        }
      })
    }
    if (part.quote === 'double') has = true
  }
  if (has || cur !== '') fields.push(cur)
  return fields
}
