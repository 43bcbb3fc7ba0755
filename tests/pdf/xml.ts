/**
 * A strict little XML reader for the tests of the XMP packet: it refuses what is not well-formed (unbalanced or
 * mismatched tags, unquoted or repeated attributes, unknown entities, stray < or &, text outside the root) and gives
 * the element tree, so that a test can read a property whether it is written as an element or as an attribute.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  if (/<|&(?![a-z]+;|#[0-9]+;|#x[0-9a-f]+;)/i.test(s)) throw new Error(`stray < or & near ${where}`);
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity &${e}; near ${where}`);
    return v;
  });
}

/** Parses a document (processing instructions allowed around the root); throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: new Map(), children: [], text: '' };
  const stack: XmlElement[] = [root];
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    const [all, close, open, attrs, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (all === '<') throw new Error(`malformed tag at ${m.index}`);
    if (all.startsWith('<?') || all.startsWith('<!--')) continue;
    if (text !== undefined) {
      if (stack.length === 1) {
        if (text.trim() !== '') throw new Error(`text outside the root at ${m.index}`);
        continue;
      }
      top.text += decode(text, m.index);
    } else if (close !== undefined) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}> at ${m.index}`);
      stack.pop();
    } else {
      const attributes = new Map<string, string>();
      for (const a of (attrs ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (attributes.has(a[1]!)) throw new Error(`attribute ${a[1]} twice at ${m.index}`);
        attributes.set(a[1]!, decode(a[2] ?? a[3] ?? '', m.index));
      }
      if (stack.length === 1 && root.children.length > 0) throw new Error(`a second root element at ${m.index}`);
      const element: XmlElement = { name: open!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error('no root element');
  return root.children[0]!;
}

/** Every element of the tree, depth first. */
export function elements(e: XmlElement): XmlElement[] {
  return [e, ...e.children.flatMap(elements)];
}

/**
 * The value of an RDF property of the packet (`prefix:name`), written as an attribute of an rdf:Description or as an
 * element (its text, or the text of its first rdf:li).
 */
export function rdfProperty(root: XmlElement, property: string): string | undefined {
  for (const e of elements(root)) {
    if (e.name === 'rdf:Description' && e.attributes.has(property)) return e.attributes.get(property);
    if (e.name === property) {
      const li = elements(e).find((c) => c.name === 'rdf:li');
      return (li ?? e).text;
    }
  }
  return undefined;
}
