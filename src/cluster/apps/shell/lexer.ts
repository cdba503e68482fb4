/**
 * The POSIX shell lexer for the command lines learners give containers (`sh -c "…"`): words
 * with their quoting kept (single-quoted text is never expanded), and the operators
 * ; && || | & ( ) and newline.
 */

/** A piece of a word: its text and how it was quoted. */
export interface WordPart {
  text: string
  quote: 'none' | 'single' | 'double'
}

/** A word: the parts it was written in. */
export type Word = WordPart[]

/** The operators the parser knows. */
export type Operator = ';' | '&&' | '||' | '|' | '&' | '(' | ')' | '\n' | ';;'

/** A token: a word or an operator. */
export type Token = { type: 'word'; word: Word } | { type: 'op'; op: Operator }

/** A lexing failure, with the shell's reason. */
export type LexResult =
  { ok: true; tokens: Token[] } | { ok: false; error: 'unterminated quoted string' }

/** The unquoted text of a word when it has no quoting at all (reserved words, assignments). */
export function plainText(word: Word): string | undefined {
  return word.every((p) => p.quote === 'none') ? word.map((p) => p.text).join('') : undefined
}

/** Read a $( … ) or $(( … )) or ` … ` span starting at i (at the "$" or "`"); returns its end. */
function skipSubstitution(s: string, i: number): number {
  if (s[i] === '`') {
    const end = s.indexOf('`', i + 1)
    return end < 0 ? -1 : end + 1
  }
  // "$(": count parentheses, honouring quotes inside.
  let depth = 0
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]
    if (c === "'") {
      const end = s.indexOf("'", j + 1)
      if (end < 0) return -1
      j = end
    } else if (c === '\\') j++
    else if (c === '(') depth++
    else if (c === ')') {
      depth--
      if (depth === 0) return j + 1
    }
  }
  return -1
}

/** Split shell text into tokens. */
export function lex(s: string): LexResult {
  const tokens: Token[] = []
  let word: Word = []
  let inWord = false
  const push = (text: string, quote: WordPart['quote']): void => {
    const last = word[word.length - 1]
    if (last && last.quote === quote) last.text += text
    else word.push({ text, quote })
    inWord = true
  }
  const endWord = (): void => {
    if (inWord) tokens.push({ type: 'word', word })
    word = []
    inWord = false
  }
  let i = 0
  while (i < s.length) {
    const c = s[i] as string
    if (c === ' ' || c === '\t') {
      endWord()
      i++
    } else if (c === '#' && !inWord) {
      while (i < s.length && s[i] !== '\n') i++
    } else if (c === '\\') {
      if (s[i + 1] === '\n') i += 2
      else {
        push(s[i + 1] ?? '', 'single')
        i += 2
      }
    } else if (c === "'") {
      const end = s.indexOf("'", i + 1)
      if (end < 0) return { ok: false, error: 'unterminated quoted string' }
      push(s.slice(i + 1, end), 'single')
      // An empty '' still makes a word.
      inWord = true
      i = end + 1
    } else if (c === '"') {
      let j = i + 1
      let text = ''
      for (;;) {
        if (j >= s.length) return { ok: false, error: 'unterminated quoted string' }
        const d = s[j] as string
        if (d === '"') break
        if (d === '\\' && '$`"\\\n'.includes(s[j + 1] ?? '')) {
          // Keep \$ and \` literal through expansion by quoting them as a single part.
          if (text) push(text, 'double')
          text = ''
          if (s[j + 1] !== '\n') push(s[j + 1] ?? '', 'single')
          j += 2
          continue
        }
        if ((d === '$' && s[j + 1] === '(') || d === '`') {
          const end = skipSubstitution(s, j)
          if (end < 0) return { ok: false, error: 'unterminated quoted string' }
          text += s.slice(j, end)
          j = end
          continue
        }
        text += d
        j++
      }
      push(text, 'double')
      inWord = true
      i = j + 1
    } else if ((c === '$' && s[i + 1] === '(') || c === '`') {
      const end = skipSubstitution(s, i)
      if (end < 0) return { ok: false, error: 'unterminated quoted string' }
      push(s.slice(i, end), 'none')
      i = end
    } else if (
      c === '&' &&
      /[<>]$/.test(
        word[word.length - 1]?.quote === 'none' ? (word[word.length - 1]?.text ?? '') : '',
      )
    ) {
      // >&2 and <&0 are redirections, not a background "&".
      push(c, 'none')
      i++
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '\n') {
      endWord()
      const two = s.slice(i, i + 2)
      if (two === '&&' || two === '||' || two === ';;') {
        tokens.push({ type: 'op', op: two })
        i += 2
      } else {
        tokens.push({ type: 'op', op: c as Operator })
        i++
      }
    } else {
      push(c, 'none')
      i++
    }
  }
  endWord()
  return { ok: true, tokens }
}
