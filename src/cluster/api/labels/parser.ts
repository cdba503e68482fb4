/**
 * The label selector parser (labels.Parse): a recursive descent over lexer tokens with
 * upstream's exact error texts.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Parser, Parse).
 */
import { Lexer, type ScannedItem, type Token } from './lexer'
import { newRequirement, validateLabelKey, type Operator, type Requirement } from './requirement'
import { errorText } from '../field'
import { selectorFromRequirements, type Selector } from './selector'

/** binaryOperators as upstream lists them in "expected:" messages. */
const binaryOperators = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']

type Context = 'KeyAndOperator' | 'Values'

// Thrown only inside this module and caught by parse(); carries the upstream error text.
class ParseError extends Error {}

// "in" and "notin" are identifiers where values are expected ("x in (in)").
function inContext(item: ScannedItem, ctx: Context): [Token, string] {
  if (ctx === 'Values' && (item.tok === 'In' || item.tok === 'NotIn'))
    return ['Identifier', item.literal]
  return [item.tok, item.literal]
}

class Parser {
  private readonly items: ScannedItem[] = []
  private position = 0

  constructor(input: string) {
    const l = new Lexer(input)
    for (;;) {
      const item = l.lex()
      this.items.push(item)
      if (item.tok === 'EndOfString') break
    }
  }

  private current(): ScannedItem {
    return this.items[this.position] ?? { tok: 'EndOfString', literal: '' }
  }

  private lookahead(ctx: Context): [Token, string] {
    return inContext(this.current(), ctx)
  }

  private consume(ctx: Context): [Token, string] {
    const item = this.current()
    this.position++
    return inContext(item, ctx)
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const [tok, lit] = this.lookahead('Values')
      switch (tok) {
        case 'Identifier':
        case 'DoesNotExist': {
          requirements.push(this.parseRequirementWrapped())
          const [t, l] = this.consume('Values')
          if (t === 'EndOfString') return requirements
          if (t === 'Comma') {
            const [t2, l2] = this.lookahead('Values')
            if (t2 !== 'Identifier' && t2 !== 'DoesNotExist') {
              throw new ParseError(`found '${l2}', expected: identifier after ','`)
            }
            break
          }
          throw new ParseError(`found '${l}', expected: ',' or 'end of string'`)
        }
        case 'EndOfString':
          return requirements
        default:
          throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`)
      }
    }
  }

  private parseRequirementWrapped(): Requirement {
    try {
      return this.parseRequirement()
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`)
      throw e
    }
  }

  private parseRequirement(): Requirement {
    const [key, inferred] = this.parseKeyAndInferOperator()
    if (inferred === 'exists' || inferred === '!') return this.build(key, inferred, [])
    const op = this.parseOperator()
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue()
    return this.build(key, op, [...values].sort())
  }

  private build(key: string, op: Operator, values: string[]): Requirement {
    const r = newRequirement(key, op, values)
    if (!r.ok) throw new ParseError(r.error)
    return r.requirement
  }

  private parseKeyAndInferOperator(): [string, Operator | undefined] {
    let op: Operator | undefined
    let [tok, literal] = this.consume('Values')
    if (tok === 'DoesNotExist') {
      op = '!'
      ;[tok, literal] = this.consume('Values')
    }
    if (tok !== 'Identifier') throw new ParseError(`found '${literal}', expected: identifier`)
    const keyErr = validateLabelKey(literal, undefined)
    if (keyErr) throw new ParseError(errorText(keyErr))
    const [t] = this.lookahead('Values')
    if ((t === 'EndOfString' || t === 'Comma') && op !== '!') op = 'exists'
    return [literal, op]
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume('KeyAndOperator')
    switch (tok) {
      case 'In':
        return 'in'
      case 'Equals':
        return '='
      case 'DoubleEquals':
        return '=='
      case 'GreaterThan':
        return 'gt'
      case 'LessThan':
        return 'lt'
      case 'NotIn':
        return 'notin'
      case 'NotEquals':
        return '!='
      default:
        throw new ParseError(`found '${lit}', expected: ${binaryOperators.join(', ')}`)
    }
  }

  private parseValues(): Set<string> {
    const [tok, lit] = this.consume('Values')
    if (tok !== 'OpenPar') throw new ParseError(`found '${lit}' expected: '('`)
    const [tok2, lit2] = this.lookahead('Values')
    switch (tok2) {
      case 'Identifier':
      case 'Comma': {
        const s = this.parseIdentifiersList()
        const [closing] = this.consume('Values')
        // Upstream reports the literal seen before the list here, not the one found.
        if (closing !== 'ClosedPar') throw new ParseError(`found '${lit2}', expected: ')'`)
        return s
      }
      case 'ClosedPar':
        this.consume('Values')
        return new Set([''])
      default:
        throw new ParseError(`found '${lit2}', expected: ',', ')' or identifier`)
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>()
    for (;;) {
      const [tok, lit] = this.consume('Values')
      switch (tok) {
        case 'Identifier': {
          s.add(lit)
          const [tok2, lit2] = this.lookahead('Values')
          if (tok2 === 'Comma') continue
          if (tok2 === 'ClosedPar') return s
          throw new ParseError(`found '${lit2}', expected: ',' or ')'`)
        }
        case 'Comma': {
          if (s.size === 0) s.add('')
          const [tok2] = this.lookahead('Values')
          if (tok2 === 'ClosedPar') {
            s.add('')
            return s
          }
          if (tok2 === 'Comma') s.add('')
          break
        }
        default:
          throw new ParseError(`found '${lit}', expected: ',', or identifier`)
      }
    }
  }

  private parseExactValue(): Set<string> {
    const [tok] = this.lookahead('Values')
    if (tok === 'EndOfString' || tok === 'Comma') return new Set([''])
    const [tok2, lit] = this.consume('Values')
    if (tok2 === 'Identifier') return new Set([lit])
    throw new ParseError(`found '${lit}', expected: identifier`)
  }
}

/** ParseToRequirements: the requirements sorted by key, or upstream's error text. */
export function parseToRequirements(
  s: string,
): { ok: true; requirements: Requirement[] } | { ok: false; error: string } {
  try {
    return {
      ok: true,
      requirements: selectorFromRequirements(new Parser(s).parse()).requirements(),
    }
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message }
    throw e
  }
}

/** labels.Parse: a selector, or the upstream error text (e.g. "unable to parse requirement: ..."). */
export function parseSelector(
  s: string,
): { ok: true; selector: Selector } | { ok: false; error: string } {
  const r = parseToRequirements(s)
  return r.ok ? { ok: true, selector: selectorFromRequirements(r.requirements) } : r
}
