/**
 * The label selector lexer: identifiers, the keywords in/notin, and the longest operator
 * made of = ! ( ) , > <.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Lexer).
 */

/** Token kinds, as upstream's Token constants. */
export type Token =
  | 'Error'
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar'

/** A scanned token and its literal text. */
export interface ScannedItem {
  tok: Token
  literal: string
}

const string2token: Record<string, Token> = {
  ')': 'ClosedPar',
  ',': 'Comma',
  '!': 'DoesNotExist',
  '==': 'DoubleEquals',
  '=': 'Equals',
  '>': 'GreaterThan',
  in: 'In',
  '<': 'LessThan',
  '!=': 'NotEquals',
  notin: 'NotIn',
  '(': 'OpenPar',
}

const tokenOf = (s: string): Token | undefined =>
  Object.hasOwn(string2token, s) ? string2token[s] : undefined

const isWhitespace = (ch: string): boolean =>
  ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== ''

/** Lexer over a selector string; read() returns '' at the end (a NUL ends it too, as upstream's 0 byte). */
export class Lexer {
  private pos = 0
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos < this.s.length) {
      const ch = this.s[this.pos] ?? ''
      this.pos++
      return ch === '\0' ? '' : ch
    }
    return ''
  }

  private unread(): void {
    this.pos--
  }

  private scanIDOrKeyword(): ScannedItem {
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === '') break
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread()
        break
      }
      buffer += ch
    }
    return { tok: tokenOf(buffer) ?? 'Identifier', literal: buffer }
  }

  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === '') break
      if (!isSpecialSymbol(ch)) {
        this.unread()
        break
      }
      buffer += ch
      const tok = tokenOf(buffer)
      if (tok) {
        last = { tok, literal: buffer }
      } else if (last) {
        this.unread()
        break
      }
    }
    return last ?? { tok: 'Error', literal: `error expected: keyword found '${buffer}'` }
  }

  /** The next token (Lex upstream). */
  lex(): ScannedItem {
    let ch = this.read()
    while (isWhitespace(ch)) ch = this.read()
    if (ch === '') return { tok: 'EndOfString', literal: '' }
    this.unread()
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIDOrKeyword()
  }
}
