/**
 * slowStartBatch: call fn `count` times in batches of 1, 2, 4, … (starting at
 * initialBatchSize); every call of a batch is made, and a batch with any failure ends the run.
 * Mirrors pkg/controller/replicaset/replica_set.go slowStartBatch
 */

/** SlowStartInitialBatchSize of pkg/controller. */
export const slowStartInitialBatchSize = 1

/** The number of successful calls and the first error, if any. */
export function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => string | undefined,
): { successes: number; error?: string } {
  let remaining = count
  let successes = 0
  for (
    let batch = Math.min(remaining, initialBatchSize);
    batch > 0;
    batch = Math.min(2 * batch, remaining)
  ) {
    let firstError: string | undefined
    // Go runs a batch concurrently and waits for all of it; in order here, same outcome.
    for (let i = 0; i < batch; i++) {
      const err = fn()
      if (err === undefined) successes++
      else firstError ??= err
    }
    if (firstError !== undefined) return { successes, error: firstError }
    remaining -= batch
  }
  return { successes }
}
