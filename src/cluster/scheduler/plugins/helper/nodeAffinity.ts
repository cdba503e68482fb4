/**
 * Node selection by a pod: its nodeSelector and required node affinity (terms ORed, a term's
 * expressions ANDed, matchFields on metadata.name only), and preferred terms' weights. A term that
 * does not parse never matches, as upstream's lazy errors treat it.
 * Mirrors staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
 */
import type {
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Pod,
  PreferredSchedulingTerm,
} from 'kubernetes-types/core/v1'
import { newRequirement, type Operator, type Requirement } from '../../../api/labels/requirement'
import {
  selectorFromRequirements,
  selectorFromSet,
  type Selector,
} from '../../../api/labels/selector'

/** What a term is matched against: the node's labels and name. */
export interface NodeFacts {
  name: string
  labels: Readonly<Record<string, string>>
}

interface Term {
  labels: Selector | undefined
  /** metadata.name In (true) / NotIn (false) a value. */
  fields: { name: string; equal: boolean }[] | undefined
  invalid: boolean
}

const operators: Record<string, Operator> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
}

function parseTerm(term: NodeSelectorTerm): Term {
  const t: Term = { labels: undefined, fields: undefined, invalid: false }
  const exprs = (term.matchExpressions ?? []) as NodeSelectorRequirement[]
  if (exprs.length) {
    const reqs: Requirement[] = []
    for (const e of exprs) {
      const op = Object.hasOwn(operators, e.operator) ? operators[e.operator] : undefined
      const r = op ? newRequirement(e.key, op, e.values ?? []) : undefined
      if (!r || !r.ok) t.invalid = true
      else reqs.push(r.requirement)
    }
    t.labels = selectorFromRequirements(reqs)
  }
  const fields = (term.matchFields ?? []) as NodeSelectorRequirement[]
  if (fields.length) {
    t.fields = []
    for (const f of fields) {
      if (
        f.key !== 'metadata.name' ||
        (f.values ?? []).length !== 1 ||
        (f.operator !== 'In' && f.operator !== 'NotIn')
      )
        t.invalid = true
      else t.fields.push({ name: (f.values ?? [])[0] as string, equal: f.operator === 'In' })
    }
  }
  return t
}

function isEmptyTerm(term: NodeSelectorTerm | null | undefined): boolean {
  return (
    !term || ((term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0)
  )
}

function termMatches(t: Term, node: NodeFacts): boolean {
  if (t.invalid) return false
  if (t.labels && !t.labels.matches(node.labels)) return false
  if (t.fields) for (const f of t.fields) if ((node.name === f.name) !== f.equal) return false
  return true
}

/** A compiled NodeSelector: terms ORed; empty terms dropped (they select nothing). */
export class LazyErrorNodeSelector {
  private readonly terms: Term[]
  constructor(ns: NodeSelector) {
    this.terms = ((ns.nodeSelectorTerms ?? []) as NodeSelectorTerm[])
      .filter((t) => !isEmptyTerm(t))
      .map(parseTerm)
  }
  match(node: NodeFacts): boolean {
    for (const t of this.terms) if (termMatches(t, node)) return true
    return false
  }
}

/** RequiredNodeAffinity: the pod's nodeSelector AND its required node affinity. */
export class RequiredNodeAffinity {
  private readonly labelSelector: Selector | undefined
  private readonly nodeSelector: LazyErrorNodeSelector | undefined
  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector
    this.labelSelector = ns && Object.keys(ns).length ? selectorFromSet(ns) : undefined
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    this.nodeSelector = req ? new LazyErrorNodeSelector(req) : undefined
  }
  match(node: NodeFacts): boolean {
    if (this.labelSelector && !this.labelSelector.matches(node.labels)) return false
    return this.nodeSelector ? this.nodeSelector.match(node) : true
  }
}

/** PreferredSchedulingTerms: the sum of the weights of the terms a node matches. */
export class PreferredSchedulingTerms {
  private readonly terms: { term: Term; weight: number }[]
  constructor(terms: readonly PreferredSchedulingTerm[]) {
    this.terms = terms
      .filter((t) => t.weight !== 0 && !isEmptyTerm(t.preference))
      .map((t) => ({ term: parseTerm(t.preference), weight: t.weight }))
  }
  score(node: NodeFacts): number {
    let s = 0
    for (const { term, weight } of this.terms) if (termMatches(term, node)) s += weight
    return s
  }
}
