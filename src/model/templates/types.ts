/**
 * What a report template is, as data: its parts, its statistics tables (columns, header cells with spans, rows with
 * labels, units, levels and the cells that take values, sum rules) and where each table is set. A template is chosen
 * by a report's `template` field; the library holds one data file per template (2014, 2008, 2019, 2021).
 */

/** The template ids a report may name. */
export type TemplateId = '2014' | '2008' | '2019' | '2021';

/** One part of the report (一、概述 …). */
export interface PartDefinition {
  /** Stable English key, the property name in `sections`. */
  readonly key: string;
  /** Canonical title; a report may give its own wording. */
  readonly title: string;
  /** A required part must be present in `sections`; an optional one may be left out (and the parts after it renumber). */
  readonly required: boolean;
}

/**
 * The kind of value a cell takes: a non-negative integer, an amount (万元) that may be decimal, or a change (本年增/减 of
 * the 2019 format), an integer that is negative when the number fell.
 */
export type ValueKind = 'count' | 'amount' | 'change';

/** A cell of a table header: fixed text, spanning columns and rows. */
export interface HeaderCellDefinition {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** 均排: letter-spaced over the cell (统计指标). */
  readonly distribute?: boolean;
}

/** A cell of a table body: a label (row header) or a value cell named by its id. */
export type BodyCellDefinition =
  | {
      readonly kind: 'label';
      readonly text: string;
      readonly colSpan?: number;
      readonly rowSpan?: number;
      /** Hierarchy level of the label (1 一、 · 2 （一） · 3 1. · 4 其中：) when the template numbers it; absent for fixed text. */
      readonly level?: 1 | 2 | 3 | 4;
      /** The label is a group title (bold, no value). */
      readonly group?: boolean;
    }
  | {
      readonly kind: 'value';
      /** Id of the value in `statistics.values`. */
      readonly id: string;
      readonly valueKind: ValueKind;
      /** Chinese name of the cell for messages: row label and column label, e.g. 予以公开 · 自然人. */
      readonly label: string;
      readonly unit: string;
      readonly colSpan?: number;
      /** The unit is printed after the number (6805947.43元): the form's heading does not name it. */
      readonly unitInCell?: boolean;
    }
  | {
      /** Fixed text that is not a header (a row's unit). */
      readonly kind: 'text';
      readonly text: string;
      readonly colSpan?: number;
    }
  | {
      /** A cell with nothing to fill (a group row's unit and value cells). */
      readonly kind: 'empty';
      readonly colSpan?: number;
    };

/** One body row. */
export interface RowDefinition {
  /** Stable id of the row (the value id in one-value tables). */
  readonly id: string;
  readonly cells: readonly BodyCellDefinition[];
  /** Level in the hierarchy (for numbering, indents and keep rules): 1 一、 · 2 （一） · 3 1. · 4 其中：. */
  readonly level: 1 | 2 | 3 | 4;
  /** Id of the row this one belongs to (its parent in the hierarchy). */
  readonly parent?: string;
  /** A row that spans the full width as a heading of the rows below it (第二十条第（一）项). */
  readonly heading?: boolean;
}

/** A rule tying values together; a broken rule is a warning (the report still renders). */
export type StatisticsRule =
  | { readonly kind: 'sum'; readonly total: string; readonly parts: readonly string[] }
  | { readonly kind: 'atMost'; readonly part: string; readonly whole: string; readonly reason: string }
  /** The values on the left add up to the values on the right (一 + 二 = （七） + 四). */
  | { readonly kind: 'balance'; readonly left: readonly string[]; readonly right: readonly string[] }
  /** This year's value equals last year's figure (`statistics.previous`) plus and minus other values of this year. */
  | { readonly kind: 'previous'; readonly value: string; readonly previous: string; readonly plus: readonly string[]; readonly minus: readonly string[] };

/** Where a table is set: appended as 附件 after the signature, or inside a part after its text. */
export type TablePlacement = { readonly kind: 'attachment' } | { readonly kind: 'part'; readonly part: string };

/** A statistics table of a template. */
export interface TableDefinition {
  /** Stable id, used by `{ "type": "statisticsTable", "table": id }` blocks. */
  readonly id: string;
  /** Chinese name of the table, for messages and bookmarks. */
  readonly name: string;
  readonly placement: TablePlacement;
  /** Whether the table has a title line (2014: agency + year + 年度政府信息公开工作情况统计表). */
  readonly titled: boolean;
  /** Relative widths hint of the columns: `label` columns take the room left by `unit` and `value` columns. */
  readonly columns: readonly ('label' | 'unit' | 'value')[];
  readonly header: readonly (readonly HeaderCellDefinition[])[];
  readonly rows: readonly RowDefinition[];
  /** Numbering of level-1 to level-3 labels is generated from the hierarchy (一、 （一） 1.) when true. */
  readonly numbered: boolean;
  /** Smallest font size the table may be set in when it does not fit the measure at the table role's size. */
  readonly minSize: number;
}

/** A report template. */
export interface Template {
  readonly id: TemplateId;
  /** Chinese name, as shown to users. */
  readonly name: string;
  /** The document the format follows. */
  readonly basis: string;
  readonly parts: readonly PartDefinition[];
  readonly tables: readonly TableDefinition[];
  /** Whether `statistics` must be given (the 2008 form may have no table). */
  readonly statisticsRequired: boolean;
  readonly rules: readonly StatisticsRule[];
  /** What an empty part prints instead of a bare heading. */
  readonly emptyPartText: string;
  /** The report years the format was prescribed for (`to` absent: still in use); a report of another year is warned about. */
  readonly years: { readonly from: number; readonly to?: number };
}
