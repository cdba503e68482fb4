import { describe, expect, test } from 'vitest'
import { runKubectl } from '../kubectl'
import { webCluster } from '../testCluster'

interface Row {
  name: string
  line: string
  stdout: string
  stderr?: string
  exitCode?: number
  replicas?: number
}

const rows: Row[] = [
  {
    name: 'SCALE-1 TYPE NAME',
    line: 'kubectl scale deployment web --replicas=3',
    stdout: 'deployment.apps/web scaled\n',
    replicas: 3,
  },
  {
    name: 'SCALE-1 TYPE/NAME',
    line: 'kubectl scale deploy/web --replicas=0',
    stdout: 'deployment.apps/web scaled\n',
    replicas: 0,
  },
  {
    name: 'SCALE-2 --current-replicas matches',
    line: 'kubectl scale deploy web --current-replicas=2 --replicas=4',
    stdout: 'deployment.apps/web scaled\n',
    replicas: 4,
  },
  {
    name: 'SCALE-2 --current-replicas mismatch',
    line: 'kubectl scale deploy web --current-replicas=3 --replicas=4',
    stdout: '',
    stderr: 'error: Expected replicas to be 3, was 2\n',
    exitCode: 1,
    replicas: 2,
  },
  {
    name: 'SCALE-3 NotFound',
    line: 'kubectl scale deploy nope --replicas=1',
    stdout: '',
    stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    exitCode: 1,
  },
  {
    name: 'SCALE-3 --replicas required',
    line: 'kubectl scale deploy web',
    stdout: '',
    stderr: 'error: required flag(s) "replicas" not set\n',
    exitCode: 1,
  },
  {
    name: 'SCALE-3 negative replicas',
    line: 'kubectl scale deploy web --replicas=-1',
    stdout: '',
    stderr:
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    exitCode: 1,
  },
]

describe('kubectl scale', () => {
  test.each(rows)('$name', ({ line, stdout, stderr = '', exitCode = 0, replicas }) => {
    const ctx = webCluster()
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
    if (replicas !== undefined) {
      const d = JSON.parse(runKubectl('kubectl get deploy web -o json', ctx).stdout) as {
        spec: { replicas: number }
      }
      expect(d.spec.replicas).toBe(replicas)
    }
  })
})
