import { describe, expect, it, test } from 'vitest'
import { runScript } from './run'

const script = `# kubeplay: --seed 7 --nodes 2
kubectl get nodes
sleep 30s
kubectl get pods -A
kubectl frobnicate
kubectl get ns
`

const golden = `$ kubectl get nodes
NAME     STATUS   ROLES    AGE   VERSION
node-1   Ready    <none>   1s    v1.30.0
node-2   Ready    <none>   1s    v1.30.0
$ sleep 30s
$ kubectl get pods -A
No resources found
$ kubectl frobnicate
Error: unknown command "frobnicate" for "kubectl"
$ kubectl get ns
NAME              STATUS   AGE
default           Active   35s
kube-node-lease   Active   35s
kube-public       Active   35s
kube-system       Active   35s
`

describe('runScript', () => {
  it('RUN-3 prints a golden transcript; failing commands do not stop the run and exit 0', () => {
    expect(runScript(script)).toEqual({ transcript: golden, exitCode: 0 })
  })

  it('RUN-4 --fail-fast stops at the first nonzero exit code and returns it', () => {
    const r = runScript(script, { failFast: true })
    expect(r.exitCode).toBe(1)
    expect(r.transcript).toBe(golden.slice(0, golden.indexOf('$ kubectl get ns')))
  })

  it('RUN-5 the same script twice gives the same transcript', () => {
    const text = `${script}sleep 1m\nkubectl get nodes -o yaml\n`
    expect(runScript(text).transcript).toBe(runScript(text).transcript)
  })

  const flagRows = [
    { name: 'flags override the directive (--nodes 1)', flags: { nodes: 1 }, want: ['node-1'] },
    { name: 'directive applies when no flag is given', flags: {}, want: ['node-1', 'node-2'] },
    {
      name: '--nodes 3 names node-1..node-3',
      flags: { nodes: 3 },
      want: ['node-1', 'node-2', 'node-3'],
    },
  ]
  test.each(flagRows)('RUN-6 $name', ({ flags, want }) => {
    const r = runScript('# kubeplay: --nodes 2\nkubectl get nodes -o name\n', flags)
    expect(r.transcript).toBe(
      `$ kubectl get nodes -o name\n${want.map((n) => `node/${n}\n`).join('')}`,
    )
  })

  it('RUN-7 heredoc steps print as written; without an apply command kubectl answers unknown command', () => {
    const r = runScript('kubectl apply -f - <<EOF\nkind: Namespace\nEOF\n')
    expect(r.transcript).toBe(
      '$ kubectl apply -f - <<EOF\nkind: Namespace\nEOF\nError: unknown command "apply" for "kubectl"\n',
    )
  })

  it('RUN-8 a script that does not parse gives exit code 2 and the error', () => {
    expect(runScript('sleep soon\n')).toEqual({
      transcript: '',
      exitCode: 2,
      error: "line 1: sleep: invalid time interval 'soon'",
    })
  })
})
