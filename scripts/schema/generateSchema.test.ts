import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generatedFiles, generateSchema, schemaDir, staleSchemaFiles } from '../generateSchema'
import { buildSchema } from './build'
import type { WalkResult } from './walk'

// Two generator runs in all (about 3 s together under vitest, most of it loading TypeScript and Prettier).
describe('scripts/generateSchema.ts', () => {
  let first: Record<string, string> = {}
  beforeAll(async () => {
    first = await generateSchema()
  }, 30_000)

  it('DECODE-1 the committed schema is what the generator writes, byte for byte', async () => {
    expect(await staleSchemaFiles(schemaDir, first)).toEqual([])
    expect(readFileSync(path.join(schemaDir, 'types.generated.ts'), 'utf8')).toContain(
      'DO NOT EDIT',
    )
  })

  it('DECODE-1 output is deterministic, and a stale copy is detected', async () => {
    expect(await generateSchema()).toEqual(first)
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeplay-schema-'))
    try {
      for (const name of generatedFiles) writeFileSync(path.join(dir, name), first[name] ?? '')
      expect(await staleSchemaFiles(dir, first)).toEqual([])
      writeFileSync(
        path.join(dir, 'types.generated.ts'),
        (first['types.generated.ts'] ?? '') + '// edited\n',
      )
      expect(await staleSchemaFiles(dir, first)).toEqual(['types.generated.ts'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)

  it('DECODE-1 an integer field missing from the Go tables fails the generator', () => {
    const walk: WalkResult = {
      structs: new Map([
        [
          'Mystery',
          {
            module: 'core/v1',
            description: '',
            fields: new Map([['count', { type: 'number', description: '' }]]),
          },
        ],
      ]),
      literals: new Map(),
    }
    expect(() => buildSchema(walk)).toThrow(/Mystery\.count: number must be in exactly one/)
  })
})
