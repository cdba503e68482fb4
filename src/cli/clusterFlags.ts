/** The cluster options of `kubeplay run`, shared by the `# kubeplay:` directive and the command line. */
import { parseQuantity } from '../cluster/api/quantity'

/** Cluster options; unset ones fall back to the directive, then to `defaultClusterFlags`. */
export interface ClusterFlags {
  seed?: number
  nodes?: number
  cpu?: string
  memory?: string
}

/** What a script gets when neither the directive nor the command line says otherwise. */
export const defaultClusterFlags: Required<ClusterFlags> = {
  seed: 1,
  nodes: 2,
  cpu: '4',
  memory: '8Gi',
}

/** The cluster flags read and every other word in order (e.g. `--fail-fast`, FILE), or the first error. */
export type FlagsResult =
  { ok: true; flags: ClusterFlags; rest: string[] } | { ok: false; error: string }

const INT = /^\d+$/

/**
 * Reads `--seed N --nodes N --cpu Q --memory Q` (also `--flag=value`) out of `words`; other
 * words are returned in `rest` in order, for the caller to judge.
 */
export function parseClusterFlags(words: readonly string[]): FlagsResult {
  const flags: ClusterFlags = {}
  const rest: string[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    const m = /^--(seed|nodes|cpu|memory)(?:=(.*))?$/.exec(word)
    if (!m) {
      rest.push(word)
      continue
    }
    const name = m[1] ?? ''
    let value = m[2]
    if (value === undefined) {
      value = words[i + 1]
      i++
      if (value === undefined) return { ok: false, error: `flag needs an argument: --${name}` }
    }
    if (name === 'seed' || name === 'nodes') {
      const n = Number(value)
      if (!INT.test(value) || !Number.isSafeInteger(n) || (name === 'nodes' && n < 1)) {
        const want = name === 'nodes' ? 'a positive integer' : 'a non-negative integer'
        return { ok: false, error: `invalid argument "${value}" for "--${name}": want ${want}` }
      }
      flags[name] = n
    } else {
      const q = parseQuantity(value)
      if (!q.ok || value.startsWith('-')) {
        return { ok: false, error: `invalid argument "${value}" for "--${name}": not a quantity` }
      }
      flags[name === 'cpu' ? 'cpu' : 'memory'] = value
    }
  }
  return { ok: true, flags, rest }
}

/** Command-line flags over directive flags over the defaults. */
export function mergeClusterFlags(...layers: ClusterFlags[]): Required<ClusterFlags> {
  const out = { ...defaultClusterFlags }
  for (const layer of layers) {
    if (layer.seed !== undefined) out.seed = layer.seed
    if (layer.nodes !== undefined) out.nodes = layer.nodes
    if (layer.cpu !== undefined) out.cpu = layer.cpu
    if (layer.memory !== undefined) out.memory = layer.memory
  }
  return out
}
