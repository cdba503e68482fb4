/** Result of splitting one terminal line into argv words. */
export type TokenizeResult =
  | { ok: true; args: string[] }
  | {
      ok: false
      error: string
      /** True when more input would complete the line (open quote, trailing backslash). */
      incomplete: boolean
    }

/** Unquoted characters bash treats as operators; kubeplay runs a single command, no pipelines. */
const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')'])

/** Inside double quotes bash lets a backslash escape only these (bash(1) QUOTING). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n'])

/** Splits a command line the way a POSIX shell does for one simple command (quotes and backslashes; no expansion). */
export function tokenize(line: string): TokenizeResult {
  const args: string[] = []
  let word = ''
  // A word exists once any character or quote pair was seen, so '' yields an empty argument.
  let inWord = false
  let i = 0
  while (i < line.length) {
    const c = line.charAt(i)
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) args.push(word)
      word = ''
      inWord = false
      i++
      continue
    }
    if (c === '\\') {
      if (i + 1 >= line.length) {
        return { ok: false, error: "unexpected end of line after `\\'", incomplete: true }
      }
      const next = line.charAt(i + 1)
      // Backslash-newline is a line continuation and vanishes.
      if (next !== '\n') {
        word += next
        inWord = true
      }
      i += 2
      continue
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return unterminated("'")
      word += line.slice(i + 1, end)
      inWord = true
      i = end + 1
      continue
    }
    if (c === '"') {
      let j = i + 1
      let closed = false
      while (j < line.length) {
        const d = line.charAt(j)
        if (d === '"') {
          closed = true
          break
        }
        if (d === '\\' && j + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.has(line.charAt(j + 1))) {
          const e = line.charAt(j + 1)
          if (e !== '\n') word += e
          j += 2
          continue
        }
        word += d
        j++
      }
      if (!closed) return unterminated('"')
      inWord = true
      i = j + 1
      continue
    }
    if (OPERATORS.has(c)) {
      return {
        ok: false,
        error: `syntax error near unexpected token \`${c}': kubeplay runs one command at a time (no pipes, redirections or lists)`,
        incomplete: false,
      }
    }
    word += c
    inWord = true
    i++
  }
  if (inWord) args.push(word)
  return { ok: true, args }
}

/** Mirrors bash's parse.y message for a quote left open at end of input. */
function unterminated(quote: string): TokenizeResult {
  return {
    ok: false,
    error: `unexpected EOF while looking for matching \`${quote}'`,
    incomplete: true,
  }
}
