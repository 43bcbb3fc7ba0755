/**
 * A PDF/A-1 XMP extension schema for xxgk-report's archival properties, and
 * sample values, checked by PDFBox Preflight in tools.test.ts.
 *
 * Both blocks are rdf:Description elements to be placed inside the packet's
 * <rdf:RDF> (with pdfkit: doc.appendXML(...) before doc.end()).
 *
 * Notes from Preflight (PDFBox 2.0.27):
 *  - custom properties without the pdfaExtension declaration fail with
 *    "7.3 : Error on MetaData, Cannot find a definition for the namespace …";
 *  - a property that is not declared in the schema fails with
 *    "7.1.1 : … No type defined for {ns}name";
 *  - values are type-checked: year "abc" with valueType Integer →
 *    "7.1 : … Failed to instantiate IntegerType property"; an invalid Date
 *    likewise. "2018-01-21", "2018-01-21T00:00:00+08:00", "2018" are valid Dates.
 *  - year declared as Text instead of Integer also passes.
 */

export const ARCHIVE_NS = 'http://xxgk-report.example/ns/archive/1.0/';
export const ARCHIVE_PREFIX = 'xxgk';

/** The extension schema declaration (pdfaExtension / pdfaSchema / pdfaProperty). */
export const ARCHIVAL_XMP_EXTENSION_SCHEMA = `<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>xxgk-report archival metadata</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://xxgk-report.example/ns/archive/1.0/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>xxgk</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>year</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Reporting year</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>period</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Reporting period</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>signatureDate</pdfaProperty:name>
              <pdfaProperty:valueType>Date</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Date on which the report was signed</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>documentNumber</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Official document number</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>retentionPeriod</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Archival retention period</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>classification</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Archival classification</pdfaProperty:description>
            </rdf:li>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>disclosureMode</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>Disclosure mode</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/** Sample values in the custom namespace (XML-escaped text only). */
export const ARCHIVAL_XMP_VALUES = `<rdf:Description rdf:about=""
    xmlns:xxgk="http://xxgk-report.example/ns/archive/1.0/">
  <xxgk:year>2017</xxgk:year>
  <xxgk:period>2017年1月1日至2017年12月31日</xxgk:period>
  <xxgk:signatureDate>2018-01-21T00:00:00+08:00</xxgk:signatureDate>
  <xxgk:documentNumber>某府办〔2018〕1号</xxgk:documentNumber>
  <xxgk:retentionPeriod>永久</xxgk:retentionPeriod>
  <xxgk:classification>政府信息公开</xxgk:classification>
  <xxgk:disclosureMode>主动公开</xxgk:disclosureMode>
</rdf:Description>`;

/** Schema declaration followed by the values: a complete working example. */
export const ARCHIVAL_XMP_EXAMPLE = `${ARCHIVAL_XMP_EXTENSION_SCHEMA}\n${ARCHIVAL_XMP_VALUES}`;
