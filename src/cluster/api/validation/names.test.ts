import { describe, expect, test } from 'vitest'
import {
  byteLength,
  isCIDR,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDomainPrefixedPath,
  isEnvVarName,
  isFullyQualifiedName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidGroupID,
  isValidIP,
  isValidIPv4Address,
  isValidIPv6Address,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  maxLenError,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  NameIsDNSSubdomain,
  regexError,
  validatePathSegmentName,
} from './names'

const a = (n: number, c = 'a'): string => c.repeat(n)

// Good and bad values from staging/src/k8s.io/apimachinery/pkg/util/validation/validation_test.go.
type Check = (v: string) => string[]
const cases: { fn: string; check: Check; good: string[]; bad: string[] }[] = [
  {
    fn: 'isDNS1123Label',
    check: isDNS1123Label,
    good: [
      'a',
      'ab',
      'abc',
      'a1',
      'a-1',
      'a--1--2--b',
      '0',
      '01',
      '012',
      '1a',
      '1-a',
      '1--a--b--2',
      a(63),
    ],
    bad: [
      '',
      'A',
      'ABC',
      'aBc',
      'A1',
      'A-1',
      '1-A',
      '-',
      'a-',
      '-a',
      '1-',
      '-1',
      '_',
      'a_',
      '_a',
      'a_b',
      '1_',
      '_1',
      '1_2',
      '.',
      'a.',
      '.a',
      'a.b',
      '1.',
      '.1',
      '1.2',
      ' ',
      'a ',
      ' a',
      'a b',
      '1 ',
      ' 1',
      '1 2',
      a(64),
    ],
  },
  {
    fn: 'isDNS1123Subdomain',
    check: isDNS1123Subdomain,
    good: [
      'a',
      'a--1--2--b',
      '0',
      '1--a--b--2',
      'a.a',
      'a--1--2--b.a',
      'a.1',
      '0.a',
      '012.a',
      '0.1',
      '1--a--b--2.1',
      'a.b.c.d.e',
      'aa.bb.cc.dd.ee',
      '1.2.3.4.5',
      '11.22.33.44.55',
      a(253),
    ],
    bad: [
      '',
      'A',
      'aBc',
      '1-A',
      '-',
      'a-',
      '-a',
      '_',
      'a_b',
      '.',
      'a.',
      '.a',
      'a..b',
      '1.',
      '.1',
      '1..2',
      ' ',
      'a b',
      'A.a',
      'aB.a',
      'ab.A',
      '0.A',
      'A.B.C.D.E',
      'a.B.c.d.e',
      'a@b',
      'a,b',
      'a;b',
      'a:b',
      'a%b',
      'a?b',
      'a$b',
      a(254),
    ],
  },
  {
    fn: 'isDNS1035Label',
    check: isDNS1035Label,
    good: ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', a(63)],
    bad: [
      '0',
      '01',
      '012',
      '1a',
      '1-a',
      '1--a--b--2',
      '',
      'A',
      'aBc',
      '-',
      'a-',
      '-a',
      '_',
      'a_b',
      '.',
      'a.b',
      ' ',
      'a b',
      a(64),
    ],
  },
  {
    fn: 'isValidPortName',
    check: isValidPortName,
    good: ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3'],
    bad: [
      'longerthan15characters',
      '',
      a(16),
      '12345',
      '1-2-3-4',
      '-begin',
      'end-',
      'two--hyphens',
      'whois++',
    ],
  },
  {
    fn: 'isQualifiedName',
    check: isQualifiedName,
    good: [
      'simple',
      'now-with-dashes',
      '1-starts-with-num',
      '1234',
      'simple/simple',
      'now-with-dashes/simple',
      'now.with.dots/simple',
      'now-with.dashes-and.dots/simple',
      '1-num.2-num/3-num',
      '1234/5678',
      '1.2.3.4/5678',
      'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123',
      'requests.storage-foo',
      a(63),
      a(253) + '/' + a(63, 'b'),
    ],
    bad: [
      'nospecialchars%^=@',
      'cantendwithadash-',
      '-cantstartwithadash-',
      'only/one/slash',
      'Example.com/abc',
      'example_com/abc',
      'example.com/',
      '/simple',
      a(64),
      a(254) + '/abc',
    ],
  },
  {
    fn: 'isValidLabelValue',
    check: isValidLabelValue,
    good: ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', a(63), ''],
    bad: [
      'nospecialchars%^=@',
      'Tama-nui-te-rā.is.Māori.sun',
      '\\backslashes\\are\\bad',
      '-starts-with-dash',
      'ends-with-dash-',
      '.starts.with.dot',
      'ends.with.dot.',
      a(64),
    ],
  },
  {
    fn: 'isHTTPHeaderName',
    check: isHTTPHeaderName,
    good: [
      'Accept-Encoding',
      'Host',
      'If-Modified-Since',
      'X-Forwarded-For',
      'a',
      '-a',
      'a-',
      '--abc-123',
      'A--1--2--B',
    ],
    bad: [
      'Host:',
      'X-Forwarded-For:',
      'X-@Home',
      '',
      '_',
      'a.b',
      ' ',
      'a b',
      '#a#',
      '^',
      ',',
      ';',
      '=',
      '<',
      '?',
      '@',
      '{',
    ],
  },
  {
    fn: 'isValidPercent',
    check: isValidPercent,
    good: ['0%', '00000%', '1%', '01%', '99%', '100%', '101%'],
    bad: ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%'],
  },
  {
    fn: 'isConfigMapKey',
    check: isConfigMapKey,
    good: [
      'a',
      'good',
      'good-good',
      'still.good',
      'this.is.also.good',
      '.so.is.this',
      'THIS_IS_GOOD',
      'so_is_this_17',
    ],
    bad: ['.', '..', '..bad', 'b*d', 'bad!&bad'],
  },
  {
    fn: 'isFullyQualifiedName',
    check: isFullyQualifiedName,
    good: [
      'dev.k8s.io',
      'foo.example.com',
      'this.is.a.really.long.fqdn',
      'bbc.co.uk',
      '10.0.0.1',
      'hyphens-are-good.k8s.io',
      a(246) + '.k8s.io',
    ],
    bad: [
      '...',
      'dev.k8s.io.',
      '.io',
      'Dev.k8s.io',
      'k8s.io',
      '*.example.com',
      'underscores_are_bad.k8s.io',
      'foo@bar.example.com',
      'http://foo.example.com',
      a(247) + '.k8s.io',
      '',
    ],
  },
  {
    fn: 'isDomainPrefixedPath',
    check: isDomainPrefixedPath,
    good: [
      'a/b',
      'a/b/c/d',
      'a.com/foo',
      'k8s.io/foo/bar',
      'k8s.io/FOO/BAR',
      'dev.k8s.io/more/path',
      '10.0.0.1/foo',
      'hyphens-are-good.k8s.io/and-in-paths-too',
      a(240) + '.k8s.io/a',
      'k8s.io/' + a(240),
    ],
    bad: [
      '.',
      '...',
      '/b',
      'com',
      '.com',
      'a.b.c.d/foo?a=b',
      'a.b.c.d/foo#a',
      'Dev.k8s.io',
      '*.example.com',
      'example.com/foo{}[]@^`',
      'underscores_are_bad.k8s.io/foo',
      'foo@bar.example.com/foo',
      a(247) + '.k8s.io',
      '',
    ],
  },
  {
    fn: 'isEnvVarName',
    check: isEnvVarName,
    good: [
      'A',
      'ABC',
      'AbC_123',
      '_123',
      'a.b',
      'a-b',
      '-',
      '.a',
      'my.env-name',
      'MY_ENV.NAME',
      'MyEnvName1',
    ],
    bad: ['1', '123', '1ABC', 'A B', 'A=B', '.', '..', '..a', ''],
  },
  {
    fn: 'isRelaxedEnvVarName',
    check: isRelaxedEnvVarName,
    good: [
      '-',
      ':',
      '_',
      '+a',
      '>a',
      'a.',
      '*a',
      'a:a',
      '~a',
      'a0a',
      '/a',
      'a ',
      '#a',
      '0a',
      '0 a',
      "'a",
      '@a',
    ],
    bad: ['', '=', 'a=', '1=a', 'a=b', 'é', 'a\tb'],
  },
]

// SEL-2 DNS names, SEL-3 qualified names and label values, SEL-4 the other formats.
const ruleOf = (fn: string): string =>
  fn.startsWith('isDNS')
    ? 'SEL-2'
    : fn === 'isQualifiedName' || fn === 'isValidLabelValue'
      ? 'SEL-3'
      : 'SEL-4'

const rows = cases.flatMap(({ fn, check, good, bad }) => [
  ...good.map((v) => ({
    name: `${ruleOf(fn)} ${fn} accepts ${JSON.stringify(v.length > 40 ? v.slice(0, 20) + '…' : v)}`,
    check,
    v,
    ok: true,
  })),
  ...bad.map((v) => ({
    name: `${ruleOf(fn)} ${fn} rejects ${JSON.stringify(v.length > 40 ? v.slice(0, 20) + '…' : v)}`,
    check,
    v,
    ok: false,
  })),
])

describe('format checks', () => {
  test.each(rows)('$name', ({ check, v, ok }) => {
    expect(check(v).length === 0).toBe(ok)
  })
})

describe('exact messages', () => {
  const rows2: { name: string; got: () => string[]; want: string[] }[] = [
    {
      name: 'DNS-1123 label (note the double space before "or", as upstream)',
      got: () => isDNS1123Label('My_App'),
      want: [
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'DNS-1123 label with dots',
      got: () => isDNS1123Label('a.b'),
      want: ['must not contain dots'],
    },
    {
      name: 'DNS-1123 label too long',
      got: () => isDNS1123Label(a(64)),
      want: ['must be no more than 63 characters'],
    },
    {
      name: 'DNS-1123 subdomain',
      got: () => isDNS1123Subdomain('Web'),
      want: [
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: 'DNS-1035 label',
      got: () => isDNS1035Label('1web'),
      want: [
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
    {
      name: 'qualified name part',
      got: () => isQualifiedName('app/'),
      want: [
        'name part must be non-empty',
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: 'qualified name prefix',
      got: () => isQualifiedName('Example.com/x'),
      want: [
        "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: 'qualified name with two slashes',
      got: () => isQualifiedName('a/b/c'),
      want: [
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    },
    {
      name: 'label value',
      got: () => isValidLabelValue('-x'),
      want: [
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      ],
    },
    {
      name: 'port number',
      got: () => isValidPortNum(0),
      want: ['must be between 1 and 65535, inclusive'],
    },
    { name: 'port number 65535', got: () => isValidPortNum(65535), want: [] },
    {
      name: 'port number 65536',
      got: () => isValidPortNum(65536),
      want: ['must be between 1 and 65535, inclusive'],
    },
    {
      name: 'in range',
      got: () => isInRange(5, -4, 2),
      want: ['must be between -4 and 2, inclusive'],
    },
    {
      name: 'group id 2^32',
      got: () => isValidGroupID(0x100000000),
      want: ['must be between 0 and 4294967295, inclusive'],
    },
    {
      name: 'port name with everything wrong',
      got: () => isValidPortName('-HTTP--'),
      want: [
        'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'must contain at least one letter (a-z)',
        'must not contain consecutive hyphens',
        'must not begin or end with a hyphen',
      ],
    },
    {
      name: 'env var name',
      got: () => isEnvVarName('1X'),
      want: [
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
      ],
    },
    { name: 'config map key ..', got: () => isConfigMapKey('..'), want: ["must not be '..'"] },
    {
      name: 'fully qualified name with two segments',
      got: () => isFullyQualifiedName('k8s.io'),
      want: ['should be a domain with at least three segments separated by dots'],
    },
    {
      name: 'domain-prefixed path without a path',
      got: () => isDomainPrefixedPath('acme.io'),
      want: ['must be a domain-prefixed path (such as "acme.io/foo")'],
    },
    {
      name: 'regexError without examples',
      got: () => [regexError('Invalid path', 'x+')],
      want: ["Invalid path (regex used for validation is 'x+')"],
    },
    {
      name: 'maxLenError',
      got: () => [maxLenError(15)],
      want: ['must be no more than 15 characters'],
    },
  ]
  const ruleOfRow = (name: string): string =>
    /DNS|regexError|maxLenError/.test(name)
      ? 'SEL-2'
      : /qualified name|label value/.test(name)
        ? 'SEL-3'
        : 'SEL-4'
  test.each(rows2.map((r) => ({ ...r, rule: ruleOfRow(r.name) })))(
    '$rule $name',
    ({ got, want }) => {
      expect(got()).toEqual(want)
    },
  )

  test('SEL-1 lengths count UTF-8 bytes, as Go len()', () => {
    expect(byteLength('rā')).toBe(3)
    expect(isValidLabelValue('ā'.repeat(32)).includes('must be no more than 63 characters')).toBe(
      true,
    )
  })
})

describe('IP addresses and CIDRs (ParseIPSloppy)', () => {
  const ipRows = [
    { name: 'IPv4', v: '10.9.8.7', ip: true, v4: true, v6: false },
    {
      name: 'IPv4 with leading zeros (sloppy)',
      v: '010.009.008.007',
      ip: true,
      v4: true,
      v6: false,
    },
    { name: 'IPv4 octet over 255', v: '1.2.3.256', ip: false, v4: false, v6: false },
    { name: 'IPv4 with 3 octets', v: '1.2.3', ip: false, v4: false, v6: false },
    { name: 'IPv4 trailing dot', v: '1.2.3.4.', ip: false, v4: false, v6: false },
    { name: 'IPv6', v: '2001:db8::ffff', ip: true, v4: false, v6: true },
    { name: 'IPv6 unspecified', v: '::', ip: true, v4: false, v6: true },
    { name: 'IPv6 loopback', v: '::1', ip: true, v4: false, v6: true },
    { name: 'IPv6 full', v: '2001:db8:0:0:0:0:0:1', ip: true, v4: false, v6: true },
    { name: 'IPv6 too many groups', v: '1:2:3:4:5:6:7:8:9', ip: false, v4: false, v6: false },
    { name: 'IPv6 with two ellipses', v: '1::2::3', ip: false, v4: false, v6: false },
    {
      name: 'IPv6 ellipsis standing for nothing',
      v: '1:2:3:4::5:6:7:8',
      ip: false,
      v4: false,
      v6: false,
    },
    { name: 'IPv4-mapped IPv6 counts as IPv4', v: '::ffff:1.2.3.4', ip: true, v4: true, v6: false },
    { name: 'IPv6 with a zone', v: 'fe80::1%eth0', ip: false, v4: false, v6: false },
    { name: 'hostname', v: 'example.com', ip: false, v4: false, v6: false },
    { name: 'empty', v: '', ip: false, v4: false, v6: false },
  ]
  test.each(ipRows)('SEL-5 $name', ({ v, ip, v4, v6 }) => {
    expect(isValidIP(v).length === 0).toBe(ip)
    expect(isValidIPv4Address(v).length === 0).toBe(v4)
    expect(isValidIPv6Address(v).length === 0).toBe(v6)
  })
  test('SEL-5 messages', () => {
    expect(isValidIP('x')).toEqual([
      'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ])
    expect(isValidIPv4Address('::1')).toEqual(['must be a valid IPv4 address'])
    expect(isCIDR('10.0.0.0')).toEqual([
      'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ])
  })
  const cidrRows = [
    { name: 'IPv4 /24', v: '10.9.8.0/24', ok: true },
    { name: 'IPv4 /32', v: '10.9.8.7/32', ok: true },
    { name: 'IPv4 /33', v: '10.9.8.7/33', ok: false },
    { name: 'IPv6 /64', v: '2001:db8::/64', ok: true },
    { name: 'IPv6 /129', v: '2001:db8::/129', ok: false },
    { name: 'no mask', v: '10.0.0.0/', ok: false },
    { name: 'signed mask', v: '10.0.0.0/+8', ok: false },
  ]
  test.each(cidrRows)('SEL-5 CIDR $name', ({ v, ok }) => {
    expect(isCIDR(v).length === 0).toBe(ok)
  })
})

describe('path segment names and name validators', () => {
  const pathRows = [
    { name: '"." is not a name', v: '.', prefix: false, want: ["may not be '.'"] },
    { name: '".." is not a name', v: '..', prefix: false, want: ["may not be '..'"] },
    { name: '"." is a fine prefix', v: '.', prefix: true, want: [] },
    {
      name: 'slash and percent',
      v: 'a/b%c',
      prefix: false,
      want: ["may not contain '/'", "may not contain '%'"],
    },
    { name: 'plain', v: 'web', prefix: false, want: [] },
  ]
  test.each(pathRows)('SEL-6 $name', ({ v, prefix, want }) => {
    expect(validatePathSegmentName(v, prefix)).toEqual(want)
  })
  test('SEL-6 isValidPathSegmentName', () => {
    expect(isValidPathSegmentName('..')).toEqual(["may not be '..'"])
  })

  const nameRows = [
    { name: 'subdomain name', fn: nameIsDNSSubdomain, v: 'web.v1', prefix: false, ok: true },
    {
      name: 'subdomain generateName with trailing dash',
      fn: nameIsDNSSubdomain,
      v: 'web-',
      prefix: true,
      ok: true,
    },
    {
      name: 'trailing dash is not a name',
      fn: nameIsDNSSubdomain,
      v: 'web-',
      prefix: false,
      ok: false,
    },
    {
      name: 'label generateName with trailing dash',
      fn: nameIsDNSLabel,
      v: 'ns-',
      prefix: true,
      ok: true,
    },
    {
      name: 'DNS-1035 generateName starting with a digit',
      fn: nameIsDNS1035Label,
      v: '1svc-',
      prefix: true,
      ok: false,
    },
    { name: 'DNS-1035 generateName', fn: nameIsDNS1035Label, v: 'svc-', prefix: true, ok: true },
    // maskTrailingDash drops two characters before appending "a": "a.-" masks to "aa".
    {
      name: 'maskTrailingDash drops two characters',
      fn: nameIsDNSSubdomain,
      v: 'a.-',
      prefix: true,
      ok: true,
    },
    { name: 'upstream spelling alias', fn: NameIsDNSSubdomain, v: 'Web', prefix: false, ok: false },
  ]
  test.each(nameRows)('SEL-7 $name', ({ fn, v, prefix, ok }) => {
    expect(fn(v, prefix).length === 0).toBe(ok)
  })
})
