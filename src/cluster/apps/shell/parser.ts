/**
 * The shell grammar the simulation understands: lists (; & newline), and-or lists (&& ||),
 * pipelines (| and !), simple commands with assignments and redirections, while/until, for,
 * if/elif/else, { … } groups and ( … ) subshells. Anything else is a syntax error, reported
 * as the shell reports it.
 */
import { lex, plainText, type Operator, type Token, type Word } from './lexer'

/** A redirection of a simple command. */
export interface Redirect {
  fd: number
  op: '>' | '>>' | '<' | '>&'
  target: Word
}

/** The shell syntax tree. */
export type Node =
  | { k: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[] }
  | { k: 'pipe'; cmds: Node[]; negate: boolean }
  | { k: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { k: 'list'; items: Node[] }
  | { k: 'while'; until: boolean; cond: Node; body: Node }
  | { k: 'for'; name: string; words: Word[] | undefined; body: Node }
  | { k: 'if'; branches: { cond: Node; body: Node }[]; otherwise: Node | undefined }
  | { k: 'group'; body: Node; subshell: boolean }

/** A parse, or the shell's syntax error. */
export type ParseResult = { ok: true; node: Node } | { ok: false; error: string }

const reserved = new Set([
  'while',
  'until',
  'for',
  'do',
  'done',
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'in',
  '{',
  '}',
  '!',
])
const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/
const redirection = /^([0-9]?)(>>|>&|>|<)(.*)$/

class SyntaxError {
  constructor(readonly message: string) {}
}

/** Parse shell text. */
export function parse(text: string): ParseResult {
  const lexed = lex(text)
  if (!lexed.ok) return { ok: false, error: lexed.error }
  const p = new Parser(lexed.tokens)
  try {
    const node = p.list(new Set())
    if (!p.done()) throw new SyntaxError(`unexpected ${p.describe()}`)
    return { ok: true, node }
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, error: e.message }
    throw e
  }
}

class Parser {
  private i = 0
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length
  }

  describe(): string {
    const t = this.tokens[this.i]
    if (!t) return 'end of file'
    if (t.type === 'op') return t.op === '\n' ? 'newline' : `"${t.op}"`
    return `word`
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.i]
    return t?.type === 'word' ? plainText(t.word) : undefined
  }

  private peekOp(): Operator | undefined {
    const t = this.tokens[this.i]
    return t?.type === 'op' ? t.op : undefined
  }

  private skipNewlines(): void {
    while (this.peekOp() === '\n') this.i++
  }

  private expectWord(w: string): void {
    this.skipNewlines()
    if (this.peekWord() !== w) {
      if (this.done()) throw new SyntaxError(`unexpected end of file (expecting "${w}")`)
      throw new SyntaxError(`unexpected ${this.describe()} (expecting "${w}")`)
    }
    this.i++
  }

  /** A list, stopping before any of the `stops` words (do, done, then, fi, …) or a ")". */
  list(stops: Set<string>): Node {
    const items: Node[] = []
    for (;;) {
      this.skipNewlines()
      const w = this.peekWord()
      if (this.done() || (w !== undefined && stops.has(w)) || this.peekOp() === ')') break
      items.push(this.andOr(stops))
      const op = this.peekOp()
      if (op === ';' || op === '&' || op === '\n') this.i++
      else break
    }
    if (items.length === 0 && stops.size > 0) {
      throw new SyntaxError(
        this.done() ? 'unexpected end of file' : `unexpected ${this.describe()}`,
      )
    }
    return items.length === 1 ? (items[0] as Node) : { k: 'list', items }
  }

  private andOr(stops: Set<string>): Node {
    const first = this.pipeline(stops)
    const rest: { op: '&&' | '||'; node: Node }[] = []
    for (;;) {
      const op = this.peekOp()
      if (op !== '&&' && op !== '||') break
      this.i++
      this.skipNewlines()
      rest.push({ op, node: this.pipeline(stops) })
    }
    return rest.length ? { k: 'andor', first, rest } : first
  }

  private pipeline(stops: Set<string>): Node {
    let negate = false
    if (this.peekWord() === '!') {
      negate = true
      this.i++
    }
    const cmds = [this.command(stops)]
    while (this.peekOp() === '|') {
      this.i++
      this.skipNewlines()
      cmds.push(this.command(stops))
    }
    return cmds.length === 1 && !negate ? (cmds[0] as Node) : { k: 'pipe', cmds, negate }
  }

  private command(stops: Set<string>): Node {
    const w = this.peekWord()
    if (w === 'while' || w === 'until') {
      this.i++
      const cond = this.list(new Set(['do']))
      this.expectWord('do')
      const body = this.list(new Set(['done']))
      this.expectWord('done')
      return { k: 'while', until: w === 'until', cond, body }
    }
    if (w === 'for') {
      this.i++
      const name = this.peekWord()
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new SyntaxError(`bad for loop variable`)
      this.i++
      let words: Word[] | undefined
      this.skipNewlines()
      if (this.peekWord() === 'in') {
        this.i++
        words = []
        for (;;) {
          const t = this.tokens[this.i]
          if (!t || t.type !== 'word') break
          words.push(t.word)
          this.i++
        }
        const op = this.peekOp()
        if (op === ';' || op === '\n') this.i++
      } else if (this.peekOp() === ';') this.i++
      this.expectWord('do')
      const body = this.list(new Set(['done']))
      this.expectWord('done')
      return { k: 'for', name, words, body }
    }
    if (w === 'if') {
      this.i++
      const branches: { cond: Node; body: Node }[] = []
      let otherwise: Node | undefined
      for (;;) {
        const cond = this.list(new Set(['then']))
        this.expectWord('then')
        const body = this.list(new Set(['elif', 'else', 'fi']))
        branches.push({ cond, body })
        this.skipNewlines()
        const next = this.peekWord()
        this.i++
        if (next === 'elif') continue
        if (next === 'else') {
          otherwise = this.list(new Set(['fi']))
          this.expectWord('fi')
        } else if (next !== 'fi') {
          throw new SyntaxError(
            this.done()
              ? 'unexpected end of file (expecting "fi")'
              : `unexpected ${this.describe()} (expecting "fi")`,
          )
        }
        break
      }
      return { k: 'if', branches, otherwise }
    }
    if (w === '{') {
      this.i++
      const body = this.list(new Set(['}']))
      this.expectWord('}')
      return { k: 'group', body, subshell: false }
    }
    if (this.peekOp() === '(') {
      this.i++
      const body = this.list(new Set())
      if (this.peekOp() !== ')')
        throw new SyntaxError(
          this.done()
            ? 'unexpected end of file (expecting ")")'
            : `unexpected ${this.describe()} (expecting ")")`,
        )
      this.i++
      return { k: 'group', body, subshell: true }
    }
    if (w !== undefined && reserved.has(w) && !stops.has(w))
      throw new SyntaxError(`unexpected word (expecting "${w === 'do' ? 'while' : w}")`)
    return this.simple()
  }

  private simple(): Node {
    const assigns: { name: string; value: Word }[] = []
    const words: Word[] = []
    const redirects: Redirect[] = []
    for (;;) {
      const t = this.tokens[this.i]
      if (!t || t.type !== 'word') break
      const first = t.word[0]
      const m = first && first.quote === 'none' ? assignment.exec(first.text) : null
      if (m && words.length === 0) {
        const value: Word = [
          { text: (first?.text ?? '').slice(m[0].length), quote: 'none' },
          ...t.word.slice(1),
        ]
        assigns.push({ name: m[1] as string, value })
        this.i++
        continue
      }
      const r = first && first.quote === 'none' ? redirection.exec(first.text) : null
      if (r) {
        this.i++
        const op = r[2] as Redirect['op']
        let target: Word = [
          { text: r[3] ?? '', quote: 'none' as const },
          ...t.word.slice(1),
        ].filter((p) => p.text !== '')
        if (target.length === 0) {
          const next = this.tokens[this.i]
          if (!next || next.type !== 'word') throw new SyntaxError(`unexpected ${this.describe()}`)
          target = next.word
          this.i++
        }
        redirects.push({ fd: r[1] ? Number(r[1]) : op === '<' ? 0 : 1, op, target })
        continue
      }
      words.push(t.word)
      this.i++
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) {
      throw new SyntaxError(
        this.done() ? 'unexpected end of file' : `unexpected ${this.describe()}`,
      )
    }
    return { k: 'simple', assigns, words, redirects }
  }
}
