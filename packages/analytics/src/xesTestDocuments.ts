/*
 * XES documents for the reader's tests: the sample log, documents that exercise every corner of
 * the fast scanner, valid XML that it leaves to saxes, and malformed XML that both must refuse.
 */

export const SAMPLE_XES = `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <string key="concept:name" value="the log's own name"/>
  <trace>
    <string key="concept:name" value="case-1"/>
    <string key="segment" value="particulier"/>
    <event>
      <string key="concept:name" value="Aanvraag &amp; intake"/>
      <string key="lifecycle:transition" value="complete"/>
      <string key="org:resource" value="Ann"/>
      <int key="attempt" value="2"/>
      <boolean key="urgent" value="true"/>
      <date key="time:timestamp" value="2024-01-05T09:00:00.000+01:00"/>
      <string key="note" value="with meta"><string key="meta" value="nested, skipped"/></string>
    </event>
    <event>
      <string key="concept:name" value="Besluit"/>
      <date key="time:timestamp" value="2024-01-06T10:30:00Z"/>
    </event>
  </trace>
  <trace>
    <event>
      <string key="concept:name" value="Aanvraag &amp; intake"/>
      <date key="time:timestamp" value="2024-01-07T08:00:00Z"/>
    </event>
    <string key="concept:name" value="case-2"/>
  </trace>
</log>
`;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** A log around `body` (traces), with the XML declaration on line 1 and `<log>` on line 2. */
export function xesLog(body: string): string {
  return `${DECLARATION}\n<log xes.version="1.0">\n${body}\n</log>\n`;
}

function event(activity: string, timestamp: string, extra = ''): string {
  return `<event><string key="concept:name" value="${activity}"/><date key="time:timestamp" value="${timestamp}"/>${extra}</event>`;
}

/** Traces with events of every attribute type, ~100 bytes an event: long enough to span many chunks. */
export function manyEvents(traces: number): string {
  const body: string[] = [];
  for (let t = 0; t < traces; t++) {
    body.push(`\t<trace>\n\t\t<string key="concept:name" value="case-${t}"/>`);
    for (let e = 0; e < 5; e++) {
      const minute = String(e * 7).padStart(2, '0');
      body.push(
        `\t\t<event>\n\t\t\t<string key="concept:name" value="step ${e}"/>\n\t\t\t<string key="lifecycle:transition" value="${e % 2 === 0 ? 'start' : 'complete'}"/>\n` +
          `\t\t\t<int key="n" value="${t * e}"/>\n\t\t\t<float key="amount" value="${t}.5"/>\n\t\t\t<boolean key="ok" value="${e % 3 === 0}"/>\n` +
          `\t\t\t<date key="time:timestamp" value="2024-03-${String((t % 28) + 1).padStart(2, '0')}T10:${minute}:00.123+01:00"/>\n\t\t</event>`,
      );
    }
    body.push('\t</trace>');
  }
  return xesLog(body.join('\n'));
}

/**
 * Valid documents the fast scanner reads itself; each must give exactly what saxes gives.
 * `satisfies` keeps the names as keys, so a test naming one that is not there does not compile.
 */
export const SCANNED_DOCUMENTS = {
  'the sample log': SAMPLE_XES,
  'entity and character references in keys and values': xesLog(`<trace><string key="concept:name" value="c&#x31;"/>
    ${event('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; caf&#233; &#x20AC;5 &#128512;', '2024-01-01T00:00:00Z', '<string key="no&#x74;e" value="&#10;kept&#9;"/>')}
  </trace>`),
  'attributes in single quotes, value before key, extra attributes': xesLog(`<trace><string value='c1' key='concept:name'/>
    <event><string key='concept:name' value='it&apos;s "quoted"'/><date extra="x" key="time:timestamp" value='2024-01-01T00:00:00Z'/>
    <string key="plain" value="v" type="ignored"/><string key="no value"/><string value="no key"/></event>
  </trace>`),
  'white space and line breaks inside tags': xesLog(`<trace
  ><string
      key = "concept:name"
\tvalue="c1"
  /><event
  >
    <string key="concept:name"   value="A"/>
    <date key="time:timestamp" value="2024-01-01T00:00:00Z"  />
  </event
  ></trace >`),
  'raw tabs and line breaks in values become spaces': xesLog(`<trace><string key="concept:name" value="c1"/>
    ${event('two\n lines\tand\r\n more\rend', '2024-01-01T00:00:00Z', '<string key="multi\nline key" value="a\n\nb"/>')}
  </trace>`),
  'comments before, inside and after the root': `${DECLARATION}
<!-- generated -->
<!---->
<log>
  <!-- a comment with <tags> & - dashes -
       over two lines -->
  <trace><!--x--><string key="concept:name" value="c1"/>
    ${event('A', '2024-01-01T00:00:00Z', '<!-- in an event -->')}
  </trace>
</log>
<!-- after the root -->
`,
  'CR LF line endings': xesLog(`<trace>\n<string key="concept:name" value="c1"/>\n<event>\n<string key="concept:name" value="A"/>\n</event>\n${event('B', 'bad date')}\n</trace>`).replaceAll('\n', '\r\n'),
  'CR line endings': xesLog(`<trace>\n<string key="concept:name" value="c1"/>\n<event>\n<string key="concept:name" value="A"/>\n</event>\n${event('B', 'bad date')}\n</trace>`).replaceAll('\n', '\r'),
  'nested list and container attributes': xesLog(`<trace><string key="concept:name" value="c1"/>
    <list key="trace list"><string key="concept:name" value="not the case id"/></list>
    <event>
      <list key="items"><values><string key="a" value="1"/><container key="c"><int key="n" value="2"/></container></values></list>
      <string key="concept:name" value="A"/>
      <container key="box"><string key="time:timestamp" value="nested, not the timestamp"/><event/></container>
      <string key="note" value="with meta"><string key="meta" value="m"/><list key="deeper"/></string>
      <date key="time:timestamp" value="2024-01-01T00:00:00Z"/>
    </event>
  </trace>`),
  'trace attributes after the events, and a trace without a case id': xesLog(`<trace>
    ${event('A', '2024-01-01T00:00:00Z')}
    ${event('B', '2024-01-01T01:00:00Z')}
    <string key="concept:name" value="late"/>
  </trace>
  <trace>
    ${event('A', '2024-01-02T00:00:00Z')}
  </trace>
  <trace><string key="concept:name" value="   "/>${event('A', '2024-01-02T00:00:00Z')}</trace>`),
  'rejected events': xesLog(`<event><string key="concept:name" value="outside"/></event>
  <trace><string key="concept:name" value="c1"/>
    <event><string key="concept:name" value="no time"/></event>
    ${event('  ', '2024-01-01T00:00:00Z')}
    ${event('bad date', '2024-13-01T00:00:00Z')}
    <event/>
  </trace>`),
  'typed values': xesLog(`<trace><string key="concept:name" value="c1"/>
    ${event('A', '2024-01-01T00:00:00Z', '<int key="i" value="42"/><int key="not a number" value="4x"/><float key="f" value="-1.5e3"/><boolean key="b" value="false"/><boolean key="B" value="TRUE"/><id key="id" value="x-1"/><date key="d" value="2024-01-01"/>')}
  </trace>`),
  'non-ASCII values, > and / in values, empty values': xesLog(`<trace><string key="concept:name" value="zaak-é"/>
    ${event('Beslissing 漢字 😀 \u{fffd}', '2024-01-01T00:00:00Z', '<string key="cmp" value="a > b / c"/><string key="" value=""/>')}
  </trace>`),
  'a byte order mark and a standalone declaration in single quotes': `\u{feff}<?xml version='1.0' encoding='utf-8' standalone='yes'?><log><trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z')}</trace></log>`,
  'no XML declaration, prefixed and dotted names, a self-closing trace': `<log xmlns:x="urn:x"><x:meta a.b-c="1"/><trace/><trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z')}</trace></log>`,
  'a self-closing root': '<log/>',
  'a value far longer than a chunk': xesLog(`<trace><string key="concept:name" value="c1"/>
    ${event('A', '2024-01-01T00:00:00Z', `<string key="long" value="${'0123456789'.repeat(1500)}"/>`)}
    <!-- ${'long comment '.repeat(800)} -->
    ${event('B', '2024-01-01T00:00:01Z')}
  </trace>`),
  'many events': manyEvents(120),
} satisfies Record<string, string>;

/** Valid XML that the fast scanner leaves to saxes. */
export const UNSCANNED_DOCUMENTS: Record<string, string> = {
  'a DOCTYPE': `${DECLARATION}\n<!DOCTYPE log>\n<log><trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z')}</trace></log>`,
  'CDATA': xesLog(`<trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z', '<![CDATA[ text ]]>')}</trace>`),
  'text content': xesLog(`<trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z', 'some text')}</trace>`),
  'a processing instruction': xesLog(`<?xml-stylesheet href="a.xsl"?><trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z')}</trace>`),
  'a non-ASCII element name': xesLog(`<trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z', '<élément key="x" value="y"/>')}</trace>`),
  'XML 1.1': `<?xml version="1.1"?><log><trace><string key="concept:name" value="c1"/>${event('A', '2024-01-01T00:00:00Z')}</trace></log>`,
  'an entity saxes reads from its own table': xesLog(`<trace><string key="concept:name" value="c&#X31;"/>${event('A', '2024-01-01T00:00:00Z')}</trace>`),
};

/**
 * Malformed documents, each with the line saxes reports, and a first trace whose event is
 * delivered before the error, so that the error must win over what was read.
 */
export const MALFORMED_DOCUMENTS = {
  'an unclosed tag': { xes: `${DECLARATION}\n<log>\n<trace>\n<string key="concept:name" value="c1"/>\n${event('A', '2024-01-01T00:00:00Z')}\n`, line: 6 },
  'a mismatched close tag': { xes: xesLog(`<trace><string key="concept:name" value="c1"/>\n${event('A', '2024-01-01T00:00:00Z')}\n</trace>\n<trace>\n<event></evnt>\n</trace>`), line: 7 },
  'an undefined entity': { xes: xesLog(`<trace><string key="concept:name" value="c1"/>\n${event('A&nbsp;B', '2024-01-01T00:00:00Z')}</trace>`), line: 4 },
  'a character reference to no character': { xes: xesLog(`<trace>\n<string key="concept:name" value="c&#0;"/></trace>`), line: 4 },
  // saxes reads an entity up to the next `;`, here to the end of the document.
  'an entity without a semicolon': { xes: xesLog(`<trace>\n<string key="concept:name" value="A &amp B"/></trace>`), line: 6 },
  // Attributes the reader does not use are checked all the same.
  'an undefined entity in another attribute': { xes: xesLog(`<trace flag="&foo;">\n</trace>`), line: 3 },
  'a reference to no character in another attribute': { xes: xesLog(`<trace flag="&#0;">\n</trace>`), line: 3 },
  'a reference beyond Unicode in another attribute': { xes: xesLog(`<trace flag="&#99999999;">\n</trace>`), line: 3 },
  'a reference to a surrogate in another attribute': { xes: xesLog(`<trace flag="&#xD800;">\n</trace>`), line: 3 },
  'a < in an attribute value': { xes: xesLog(`<trace>\n<string key="concept:name" value="a<b"/></trace>`), line: 4 },
  'a duplicate attribute': { xes: xesLog(`<trace>\n\n<string key="concept:name" key="x" value="c1"/></trace>`), line: 5 },
  'text before the root': { xes: `${DECLARATION}\ntext <log/>`, line: 2 },
  'text after the root': { xes: `${DECLARATION}\n<log>\n<trace/>\n</log>\nafter`, line: 5 },
  'a second root element': { xes: `${DECLARATION}\n<log/>\n<log/>`, line: 3 },
  'no root element': { xes: `${DECLARATION}\n<!-- nothing -->\n`, line: 3 },
  'an unquoted attribute value': { xes: xesLog(`<trace>\n<string key=concept:name value="c1"/></trace>`), line: 4 },
  'an attribute without a value': { xes: xesLog(`<trace flag>\n</trace>`), line: 3 },
  'no white space between attributes': { xes: xesLog(`<trace>\n<string key="a"value="b"/></trace>`), line: 4 },
  'a comment with --': { xes: xesLog(`<trace>\n<!-- a -- b -->\n</trace>`), line: 4 },
  'a control character in a comment': { xes: xesLog(`<trace>\n<!-- a \u0002 -->\n</trace>`), line: 4 },
  'a control character in a value': { xes: xesLog(`<trace>\n<string key="concept:name" value="a\u0001b"/></trace>`), line: 4 },
  'a slash not followed by >': { xes: xesLog(`<trace>\n<string key="a" value="b"/ ></trace>`), line: 4 },
  'an empty close tag': { xes: xesLog(`<trace>\n</>\n</trace>`), line: 4 },
  'white space before the XML declaration': { xes: ` ${DECLARATION}\n<log/>`, line: 1 },
  'a truncated file': { xes: xesLog(`<trace><string key="concept:name" value="c1"/>\n${event('A', '2024-01-01T00:00:00Z')}\n</trace>`).slice(0, -12), line: 5 },
} satisfies Record<string, { xes: string; line: number }>;
