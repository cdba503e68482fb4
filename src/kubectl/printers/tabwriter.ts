/**
 * A port of Go's text/tabwriter for the configuration kubectl uses.
 * Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go (minwidth 6, tabwidth 4,
 * padding 3, padchar ' ') and the column-block algorithm of Go's text/tabwriter.
 */

/** The tabwriter settings kubectl passes to tabwriter.NewWriter. */
export interface TabwriterOptions {
  minwidth: number
  padding: number
  padchar: string
}

/** kubectl's settings: cli-runtime printers.GetNewTabWriter. */
export const KUBECTL_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3, padchar: ' ' }

interface Cell {
  text: string
  /** Width in runes, as Go counts it with utf8.RuneCount. */
  width: number
}

/**
 * Aligns tab-terminated cells into columns exactly as Go's tabwriter does when the whole
 * text is written and then flushed: the cell after a line's last tab is not part of any
 * column, and a line without tabs ends a block so later lines realign from scratch.
 */
export function tabwrite(text: string, options: TabwriterOptions = KUBECTL_TABWRITER): string {
  const out: string[] = []
  let block: Cell[][] = []
  const rawLines = text.split('\n')
  rawLines.forEach((raw, index) => {
    const isLast = index === rawLines.length - 1
    const cells = raw.split('\t').map((t) => ({ text: t, width: [...t].length }))
    block.push(cells)
    // Go's tabwriter flushes after a newline-terminated line holding a single cell.
    if (!isLast && cells.length === 1) {
      out.push(formatBlock(block, options, true))
      block = []
    }
  })
  out.push(formatBlock(block, options, false))
  return out.join('')
}

/** Formats buffered lines; the last line gets no newline unless it was terminated. */
function formatBlock(lines: Cell[][], options: TabwriterOptions, terminated: boolean): string {
  const parts: string[] = []
  const widths: number[] = []
  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i] ?? []
      line.forEach((cell, j) => {
        parts.push(cell.text)
        const width = widths[j]
        if (width !== undefined) parts.push(options.padchar.repeat(Math.max(0, width - cell.width)))
      })
      if (i + 1 < lines.length || terminated) parts.push('\n')
    }
  }
  // Mirrors Writer.format in Go's text/tabwriter: a column block is a run of consecutive
  // lines that all have a terminated cell in the current column.
  const format = (line0: number, line1: number): void => {
    const column = widths.length
    let start = line0
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue
      writeLines(start, current)
      start = current
      let width = options.minwidth
      for (; current < line1; current++) {
        const line = lines[current] ?? []
        if (column >= line.length - 1) break
        const cell = line[column]
        const w = (cell?.width ?? 0) + options.padding
        if (w > width) width = w
      }
      widths.push(width)
      format(start, current)
      widths.pop()
      start = current
    }
    writeLines(start, line1)
  }
  format(0, lines.length)
  return parts.join('')
}
