/**
 * The resolved document: what will be printed, and nothing else. `resolveDocument` turns a valid report into a
 * sequence of blocks — every title defaulted, every number generated, every `{{id}}` placeholder replaced, every date
 * formatted, every keep rule and bookmark decided — with the logical structure they belong to. Composition reads
 * only this (never the report), and validation checks the fonts against exactly these texts.
 */
import type { FontRole } from './fontRole.js';
import type { TemplateId } from './templates/index.js';

/** Structure types of the tagged PDF. */
export type StructType =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Span';

/** Table attributes of a TH or TD (PDF 32000 §14.8.5.7): what a screen reader needs to find a value's headers. */
export interface TableAttributes {
  readonly scope?: 'Row' | 'Column' | 'Both';
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

/** An element of the logical structure; printed texts point at elements by id. */
export interface StructElement {
  readonly id: number;
  readonly type: StructType;
  readonly children: StructElement[];
  readonly attributes?: TableAttributes;
}

/** A piece of printed text: its font role, the structure element it belongs to, and the report field it comes from. */
export interface DocText {
  readonly role: FontRole;
  readonly text: string;
  readonly struct: number;
  /** JSON path of the report field (for messages), or of the field a generated text stands for. */
  readonly path: string;
  /** Printed on the report's behalf (numbering, a default title, the formatted date, a template's label). */
  readonly generated?: boolean;
}

/** A bookmark of the document outline. */
export interface Bookmark {
  readonly title: string;
  /** 0 for the title and the parts, 1 below them. */
  readonly level: number;
}

/** How a text block is set. */
export type TextStyle =
  /** A title: centred, balanced lines broken between words only (GB/T 9704 §7.2.3). */
  | 'title'
  /** A line centred under a title. */
  | 'subtitle'
  /** A heading of a part or subsection: kept with what follows. */
  | 'heading'
  /** Body text: justified, the first line indented. */
  | 'body'
  /** A label set flush left (附件). */
  | 'label'
  /** The attachment note (附件说明): flush left, each further line under the title after 附件：. */
  | 'note';

/** A paragraph-like block: pieces of text set as one paragraph. */
export interface TextBlock {
  readonly kind: 'text';
  readonly style: TextStyle;
  readonly pieces: readonly DocText[];
  /** Indent of the first line and of the others, in grid cells of the block's first role. */
  readonly indent: number;
  readonly restIndent: number;
  /** Further lines hang under the text after the first piece (附件：, a table label's number). */
  readonly hanging?: boolean;
  /** How many lines of what follows stay on the page with this block's last line (a heading or a lead-in ending in ：: 2). */
  readonly keepWithNext: number;
  /** All lines of the block stay on one page (titles, headings). */
  readonly keepTogether: boolean;
  /** How many lines of what precedes stay on the page with this block's first line (the attachment note: 2). */
  readonly keepWithPrevious?: number;
  /** Words of a title that no line may split (the agency's name, 2017年度 …). */
  readonly keepWords?: readonly string[];
  /** Lines of a title as the report gives them (`titleLines`), instead of breaking it. */
  readonly lines?: readonly string[];
  readonly bookmark?: Bookmark;
}

/** A cell of a table. */
export interface DocCell {
  readonly pieces: readonly DocText[];
  /** First column and the spans. */
  readonly column: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  /** TH with a scope, or TD. */
  readonly header: boolean;
  readonly align: 'left' | 'center' | 'distribute';
  /** Indent of the label in cells of the table size, and whether wrapped lines hang under the text after the first piece. */
  readonly indent: number;
  readonly hanging: boolean;
  /** A value: never wrapped, so a column is at least as wide as its widest value. */
  readonly noWrap: boolean;
  /** Names a wrapped label keeps whole where that can be helped, besides the words of these reports (the agency's places). */
  readonly keepWords?: readonly string[];
  readonly struct: number;
}

/** A row of a table. */
export interface DocRow {
  readonly cells: readonly DocCell[];
  /** A page may not end after this row (a parent row with its first child, a 其中 row with its group). */
  readonly keepWithNext: boolean;
  readonly struct: number;
}

/** A table: columns, header rows repeated on every page, body rows. */
export interface DocTable {
  readonly id: string;
  readonly name: string;
  /** A template's statistics table (all of a document's are set in one size), or a table of the report's own. */
  readonly kind: 'statistics' | 'own';
  /** Kind of each column: label columns share what value and unit columns leave. */
  readonly columns: readonly ('label' | 'unit' | 'value')[];
  readonly header: readonly DocRow[];
  readonly body: readonly DocRow[];
  /** Smallest size the table may be set in when it does not fit the measure in the table role's size. */
  readonly minSize: number;
  readonly struct: number;
}

/** The signature (落款, GB/T 9704 §7.3.5): one or more offices, then the date. */
export interface SignatureBlock {
  readonly kind: 'signature';
  /** How many lines of what precedes stay on the page with the signature (GB/T 9704 §7.3.5: not alone on a page). */
  readonly keepWithPrevious: number;
  readonly offices: readonly DocText[];
  readonly date: DocText;
}

/** One block of the document, in reading order. */
export type DocBlock =
  | TextBlock
  | SignatureBlock
  | { readonly kind: 'table'; readonly table: DocTable }
  /** One empty grid line (空一行); never at the top of a page. */
  | { readonly kind: 'blank' }
  /** What follows starts a new page (the 附件). */
  | { readonly kind: 'pageBreak' };

/** What the PDF's metadata says (Info, XMP and the archival properties). */
export interface DocumentMetadata {
  readonly title: string;
  readonly agency: string;
  readonly year: number;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** The signature date (ISO), which also dates the file unless the caller gives dates. */
  readonly signatureDate: string;
  readonly period: string;
  readonly documentNumber?: string;
  readonly retentionPeriod?: string;
  readonly classification: string;
  readonly disclosureMode: string;
  readonly template: TemplateId;
}

/** A report resolved into what will be printed. */
export interface ResolvedDocument {
  readonly metadata: DocumentMetadata;
  readonly blocks: readonly DocBlock[];
  readonly structure: StructElement;
}

/** Every printed text of a document with its role and path, in reading order. */
export function documentTexts(doc: ResolvedDocument): DocText[] {
  const out: DocText[] = [];
  const add = (texts: readonly DocText[]) => {
    for (let i = 0; i < texts.length; i++) out.push(texts[i]!);
  };
  const addRows = (rows: readonly DocRow[]) => {
    for (let r = 0; r < rows.length; r++) for (let c = 0; c < rows[r]!.cells.length; c++) add(rows[r]!.cells[c]!.pieces);
  };
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    if (block.kind === 'text') add(block.pieces);
    else if (block.kind === 'signature') {
      add(block.offices);
      out.push(block.date);
    } else if (block.kind === 'table') {
      addRows(block.table.header);
      addRows(block.table.body);
    }
  }
  return out;
}
