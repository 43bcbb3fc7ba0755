/** The XMP metadata packet: PDF/A identification, Dublin Core, XMP basic, PDF, and the archival properties under a declared extension schema. */

/** Namespace of the library's archival properties (declared through a PDF/A extension schema so the file stays valid). */
export const ARCHIVE_NAMESPACE = 'http://xxgk-report.org/ns/archive/1.0/';

/** Values written to the document information dictionary and mirrored in XMP. */
export interface DocumentInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  readonly creator: string;
  readonly producer: string;
  readonly creationDate: Date;
  readonly modDate: Date;
}

/** Archival metadata that records offices ask for (GB/T 18894-2016); the library records it, never decides it. */
export interface ArchivalInfo {
  readonly year: number;
  readonly period: string;
  readonly signatureDate: string;
  readonly documentNumber?: string;
  readonly retentionPeriod?: string;
  readonly classification: string;
  readonly disclosureMode: string;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An XMP date (UTC, seconds precision), the same instant as the D:…Z date of the document information. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ARCHIVE_PROPERTIES: ReadonlyArray<[name: keyof ArchivalInfo, type: string, description: string]> = [
  ['year', 'Integer', '报告年度'],
  ['period', 'Text', '统计期限'],
  ['signatureDate', 'Date', '成文日期'],
  ['documentNumber', 'Text', '文号/索引号'],
  ['retentionPeriod', 'Text', '保管期限'],
  ['classification', 'Text', '密级'],
  ['disclosureMode', 'Text', '公开方式'],
];

/** The extension schema declaring the archival properties that the packet holds (PDF/A-1 requires each one declared). */
function extensionSchema(names: readonly (keyof ArchivalInfo)[]): string {
  const properties = ARCHIVE_PROPERTIES.filter(([name]) => names.includes(name))
    .map(
      ([name, type, description]) =>
        `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>${type}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${escapeXml(description)}</pdfaProperty:description></rdf:li>`,
    )
    .join('');
  return (
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource"><pdfaSchema:schema>xxgk-report archival metadata</pdfaSchema:schema>' +
    `<pdfaSchema:namespaceURI>${ARCHIVE_NAMESPACE}</pdfaSchema:namespaceURI><pdfaSchema:prefix>xxgk</pdfaSchema:prefix>` +
    `<pdfaSchema:property><rdf:Seq>${properties}</rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>`
  );
}

/**
 * The XMP packet (ISO 16684-1) of a document: its identification as PDF/A, Dublin Core, XMP basic and PDF properties
 * mirroring the document information dictionary, and the archival properties with the extension schema that declares
 * them; no indentation.
 */
export function buildXmp(info: DocumentInfo, archive: ArchivalInfo, pdfa: { part: number; conformance: string }): string {
  const e = escapeXml;
  const present = ARCHIVE_PROPERTIES.map(([name]) => name).filter((name) => archive[name] !== undefined && archive[name] !== '');
  const values = present.map((name) => ` xxgk:${name}="${e(String(archive[name]))}"`).join('');
  const namespaces = [
    'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    'xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
  ].join(' ');
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" ${namespaces} pdfaid:part="${pdfa.part}" pdfaid:conformance="${pdfa.conformance}"` +
    ` xmp:CreateDate="${xmpDate(info.creationDate)}" xmp:ModifyDate="${xmpDate(info.modDate)}"` +
    ` xmp:CreatorTool="${e(info.creator)}" pdf:Producer="${e(info.producer)}" pdf:Keywords="${e(info.keywords)}">` +
    // The extension schema first: PDFBox reads a description that starts with it before any other.
    (present.length > 0 ? extensionSchema(present) : '') +
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>` +
    `<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>` +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>` +
    '<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language></rdf:Description>' +
    // The archival values in a description of their own, read once the schema that declares them is known.
    (present.length > 0 ? `<rdf:Description rdf:about="" xmlns:xxgk="${ARCHIVE_NAMESPACE}"${values}/>` : '') +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}
