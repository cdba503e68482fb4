import { describe, expect, test } from 'vitest'
import { tabwrite } from './tabwriter'

describe('tabwriter', () => {
  test.each([
    {
      name: 'kubectl get pods: widest cell plus 3, last column unpadded',
      input:
        'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t1/1\tRunning\t0\t5m\nweb-7d4b9\t0/1\tContainerCreating\t0\t3s\n',
      want:
        'NAME        READY   STATUS              RESTARTS   AGE\n' +
        'nginx       1/1     Running             0          5m\n' +
        'web-7d4b9   0/1     ContainerCreating   0          3s\n',
    },
    {
      name: 'minwidth 6 widens narrow columns',
      input: 'A\tB\nx\ty\n',
      want: 'A     B\nx     y\n',
    },
    {
      name: 'a line without tabs ends the column block',
      input: 'aaaaaaaa\tb\nplain\nc\td\n',
      want: 'aaaaaaaa   b\nplain\nc     d\n',
    },
    {
      name: 'unterminated last line is written without a newline',
      input: 'a\tb\nccc\td',
      want: 'a     b\nccc   d',
    },
    {
      name: 'column width counts runes, not bytes',
      input: 'é\tx\nab\ty\n',
      want: 'é     x\nab    y\n',
    },
  ])('TW-1 $name', ({ input, want }) => {
    expect(tabwrite(input)).toBe(want)
  })

  // Go's Example_elastic (text/tabwriter example_test.go) without AlignRight|Debug.
  test('TW-2 column blocks end where a line has fewer cells (Go Example_elastic)', () => {
    const input = 'a\tb\tc\naa\tbb\tcc\naaa\t\naaaa\tdddd\teeee\n'
    expect(tabwrite(input, { minwidth: 0, padding: 1, padchar: '.' })).toBe(
      'a....b..c\naa...bb.cc\naaa..\naaaa.dddd.eeee\n',
    )
  })
})
