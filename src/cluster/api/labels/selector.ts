/**
 * Label selectors: a conjunction of requirements kept sorted by key, plus the
 * Everything and Nothing selectors.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/labels/selector.go (internalSelector, Everything,
 * Nothing, SelectorFromSet).
 */
import { requirementMatches, requirementString, type Labels, type Requirement } from './requirement'

/** A label selector (labels.Selector). */
export interface Selector {
  /** True when the labels satisfy every requirement. */
  matches(labels: Labels): boolean
  /** True when the selector does not restrict anything (Everything, or no requirements). */
  empty(): boolean
  /** The canonical text: requirements sorted by key, joined by ",". */
  toString(): string
  /** The requirements, sorted by key (empty for Nothing). */
  requirements(): Requirement[]
  /** A new selector with more requirements, re-sorted by key. */
  add(...reqs: Requirement[]): Selector
  /** The single value a key must have (=, == or in with one value), if any. */
  requiresExactMatch(key: string): string | undefined
}

// sort.Sort(ByKey): Go's insertion sort for small lists is stable, and so is Array.sort.
function byKey(reqs: Requirement[]): Requirement[] {
  return [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

class InternalSelector implements Selector {
  private readonly reqs: readonly Requirement[]
  constructor(reqs: readonly Requirement[]) {
    this.reqs = reqs
  }
  matches(labels: Labels): boolean {
    return this.reqs.every((r) => requirementMatches(r, labels))
  }
  empty(): boolean {
    return this.reqs.length === 0
  }
  toString(): string {
    return this.reqs.map(requirementString).join(',')
  }
  requirements(): Requirement[] {
    return this.reqs.map((r) => ({ ...r, values: [...r.values] }))
  }
  add(...more: Requirement[]): Selector {
    return new InternalSelector(byKey([...this.reqs, ...more]))
  }
  requiresExactMatch(key: string): string | undefined {
    const r = this.reqs.find((x) => x.key === key)
    if (!r) return undefined
    if ((r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1)
      return r.values[0]
    return undefined
  }
}

class NothingSelector implements Selector {
  matches(): boolean {
    return false
  }
  empty(): boolean {
    return false
  }
  toString(): string {
    return ''
  }
  requirements(): Requirement[] {
    return []
  }
  add(): Selector {
    return this
  }
  requiresExactMatch(): string | undefined {
    return undefined
  }
}

const sharedEverything: Selector = new InternalSelector([])
const sharedNothing: Selector = new NothingSelector()

/** Everything: matches every label set; empty() is true. */
export function everything(): Selector {
  return sharedEverything
}

/** Nothing: matches no label set; what a missing (nil) LabelSelector converts to. */
export function nothing(): Selector {
  return sharedNothing
}

/** MatchesNothing: true only for the Nothing selector. */
export function matchesNothing(s: Selector): boolean {
  return s === sharedNothing
}

/** A selector from requirements already validated (NewSelector().Add(...)). */
export function selectorFromRequirements(reqs: readonly Requirement[]): Selector {
  return new InternalSelector(byKey([...reqs]))
}

/** SelectorFromSet: key=value for each label, unvalidated; an empty or missing set is Everything. */
export function selectorFromSet(labels: Labels): Selector {
  const reqs: Requirement[] = Object.entries(labels ?? {}).map(([key, v]) => ({
    key,
    operator: '=',
    values: [v],
  }))
  return reqs.length ? selectorFromRequirements(reqs) : everything()
}
