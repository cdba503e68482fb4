import { describe, expect, test } from 'vitest'
import { findCommand, runKubectl } from './kubectl'
import { webCluster } from './testCluster'

const ctx = webCluster()
const deployTable = `NAME   READY   UP-TO-DATE   AVAILABLE   AGE
web    2/2     2            2           60s
`

const rows: { name: string; line: string; stdout: string; stderr?: string; exitCode?: number }[] = [
  { name: 'KCTL-1 leading kubectl is optional', line: 'get deploy', stdout: deployTable },
  {
    name: 'KCTL-2 global -n before the verb',
    line: 'kubectl -n default get deploy',
    stdout: deployTable,
  },
  {
    name: 'KCTL-2 --namespace=x after the verb',
    line: 'kubectl get deploy --namespace=kube-system',
    stdout: '',
    stderr: 'No resources found in kube-system namespace.\n',
  },
  {
    name: 'KCTL-2 --namespace x before the verb',
    line: 'kubectl --namespace kube-system get deploy',
    stdout: '',
    stderr: 'No resources found in kube-system namespace.\n',
  },
  {
    name: 'KCTL-3 unknown command with a suggestion',
    line: 'kubectl gett pods',
    stdout: '',
    stderr: 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\n',
    exitCode: 1,
  },
  {
    name: 'KCTL-3 unknown command without suggestions',
    line: 'kubectl zzzzzz',
    stdout: '',
    stderr: 'Error: unknown command "zzzzzz" for "kubectl"\n',
    exitCode: 1,
  },
  {
    name: 'KCTL-4 unknown flag',
    line: 'kubectl get pods --foo',
    stdout: '',
    stderr: "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    exitCode: 1,
  },
  {
    name: 'KCTL-4 flag missing its value',
    line: 'kubectl get pods -n',
    stdout: '',
    stderr: "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
    exitCode: 1,
  },
  {
    name: 'KCTL-5 API errors in kubectl words',
    line: 'kubectl get deployment nope',
    stdout: '',
    stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    exitCode: 1,
  },
]

describe('runKubectl', () => {
  test.each(rows)('$name', ({ line, stdout, stderr = '', exitCode = 0 }) => {
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test.each([
    { name: 'by name', word: 'get', found: 'get' },
    { name: 'unknown', word: 'got', found: undefined },
  ])('KCTL-6 findCommand $name', ({ word, found }) => {
    expect(findCommand(word)?.name).toBe(found)
  })

  test('KCTL-7 an open quote is a shell error, not a crash', () => {
    const r = runKubectl("kubectl get pods -l 'app=web", ctx)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('unexpected EOF')
  })
})
