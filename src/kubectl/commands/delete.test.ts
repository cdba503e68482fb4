import { describe, expect, test } from 'vitest'
import { runKubectl } from '../kubectl'
import { webCluster } from '../testCluster'

const P1 = 'web-7d4bcbbf5b-c6q2k'
const P2 = 'web-7d4bcbbf5b-jqzvw'

interface Row {
  name: string
  setup?: string[]
  line: string
  stdout: string
  stderr?: string
  exitCode?: number
}

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"

const rows: Row[] = [
  {
    name: 'DEL-1 TYPE NAME',
    setup: ['kubectl run x --image=nginx'],
    line: 'kubectl delete pod x',
    stdout: 'pod "x" deleted\n',
  },
  {
    name: 'DEL-1 several names, TYPE/NAME and a group kind',
    setup: ['kubectl run x --image=nginx', 'kubectl run y --image=nginx'],
    line: 'kubectl delete pods x y',
    stdout: 'pod "x" deleted\npod "y" deleted\n',
  },
  {
    name: 'DEL-1 deployment.apps',
    line: 'kubectl delete deployment/web',
    stdout: 'deployment.apps "web" deleted\n',
  },
  {
    name: 'DEL-2 NotFound, found objects still deleted',
    setup: ['kubectl run x --image=nginx'],
    line: 'kubectl delete pod nope x',
    stdout: 'pod "x" deleted\n',
    stderr: 'Error from server (NotFound): pods "nope" not found\n',
    exitCode: 1,
  },
  {
    name: 'DEL-2 --ignore-not-found',
    line: 'kubectl delete pod nope --ignore-not-found',
    stdout: 'No resources found\n',
  },
  {
    name: 'DEL-3 -l',
    line: 'kubectl delete pods -l app=web',
    stdout: `pod "${P1}" deleted\npod "${P2}" deleted\n`,
  },
  {
    name: 'DEL-3 -l matching nothing',
    line: 'kubectl delete pods -l app=none',
    stdout: 'No resources found\n',
  },
  {
    name: 'DEL-3 --all --now',
    line: 'kubectl delete pods --all --now',
    stdout: `pod "${P1}" deleted\npod "${P2}" deleted\n`,
  },
  {
    name: 'DEL-4 --force --grace-period=0',
    line: `kubectl delete pod ${P1} --force --grace-period=0`,
    stdout: `pod "${P1}" force deleted\n`,
    stderr:
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
  },
  {
    name: 'DEL-5 no arguments',
    line: 'kubectl delete',
    stdout: '',
    stderr: NO_RESOURCES,
    exitCode: 1,
  },
  {
    name: 'DEL-5 a type without names',
    line: 'kubectl delete pods',
    stdout: '',
    stderr: 'error: resource(s) were provided, but no name was specified\n',
    exitCode: 1,
  },
  {
    name: 'DEL-5 names with --all',
    line: 'kubectl delete pod x --all',
    stdout: '',
    stderr: 'error: name cannot be provided when a selector is specified\n',
    exitCode: 1,
  },
  {
    name: 'DEL-5 --now with --grace-period',
    line: 'kubectl delete pod x --now --grace-period=5',
    stdout: '',
    stderr: 'error: --now and --grace-period cannot be specified together\n',
    exitCode: 1,
  },
]

describe('kubectl delete', () => {
  test.each(rows)('$name', ({ setup = [], line, stdout, stderr = '', exitCode = 0 }) => {
    const ctx = webCluster()
    for (const s of setup) runKubectl(s, ctx)
    expect(runKubectl(line, ctx)).toEqual({ stdout, stderr, exitCode })
  })

  test('DEL-6 no waiting: a running pod is left Terminating until time advances', () => {
    const ctx = webCluster()
    runKubectl(`kubectl delete pod ${P1}`, ctx)
    expect(runKubectl(`kubectl get pod ${P1} --no-headers`, ctx).stdout).toContain('Terminating')
  })

  test('DEL-4 --force --grace-period=0 removes the object at once', () => {
    const ctx = webCluster()
    runKubectl(`kubectl delete pod ${P1} --force --grace-period=0`, ctx)
    expect(runKubectl(`kubectl get pod ${P1}`, ctx).stderr).toBe(
      `Error from server (NotFound): pods "${P1}" not found\n`,
    )
  })
})
