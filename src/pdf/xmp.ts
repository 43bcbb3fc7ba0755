/** The XMP metadata packet body: Dublin Core, XMP basic, PDF, and the archival properties under a declared extension schema. */

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

/** An XMP date (UTC, seconds precision), matching pdfkit's D:…Z form of the same instant. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ARCHIVE_PROPERTIES: ReadonlyArray<[name: keyof ArchivalInfo, type: string, description: string]> = [
  ['year', 'Integer', 'Reporting year (报告年度)'],
  ['period', 'Text', 'Statistical period (统计期限)'],
  ['signatureDate', 'Date', 'Date of the report (成文日期)'],
  ['documentNumber', 'Text', 'Document or index number (文号/索引号)'],
  ['retentionPeriod', 'Text', 'Retention period (保管期限)'],
  ['classification', 'Text', 'Classification (密级)'],
  ['disclosureMode', 'Text', 'Disclosure mode (公开方式)'],
];

function extensionSchema(): string {
  const properties = ARCHIVE_PROPERTIES.map(
    ([name, type, description]) =>
      `<rdf:li rdf:parseType="Resource"><pdfaProperty:name>${name}</pdfaProperty:name><pdfaProperty:valueType>${type}</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>${escapeXml(description)}</pdfaProperty:description></rdf:li>`,
  ).join('\n');
  return `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>xxgk-report archival metadata</pdfaSchema:schema>
<pdfaSchema:namespaceURI>${ARCHIVE_NAMESPACE}</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>xxgk</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq>
${properties}
</rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;
}

/** The rdf:Description elements of the packet (pdfkit wraps them and adds pdfaid). */
export function buildXmp(info: DocumentInfo, archive: ArchivalInfo): string {
  const e = escapeXml;
  const values = ARCHIVE_PROPERTIES.map(([name]) => [name, archive[name]] as const)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([name, v]) => `<xxgk:${name}>${e(String(v))}</xxgk:${name}>`)
    .join('\n');
  return `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${e(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${e(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${e(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${xmpDate(info.creationDate)}</xmp:CreateDate>
<xmp:ModifyDate>${xmpDate(info.modDate)}</xmp:ModifyDate>
<xmp:MetadataDate>${xmpDate(info.modDate)}</xmp:MetadataDate>
<xmp:CreatorTool>${e(info.creator)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${e(info.producer)}</pdf:Producer>
<pdf:Keywords>${e(info.keywords)}</pdf:Keywords>
</rdf:Description>
${extensionSchema()}
<rdf:Description rdf:about="" xmlns:xxgk="${ARCHIVE_NAMESPACE}">
${values}
</rdf:Description>
`;
}
