/** What the editor's server sends and answers (src/serve/server.ts). */
import type { TableDefinition, PartDefinition, TemplateId } from '../src/model/templates/types.js';

export type { TableDefinition, PartDefinition, RowDefinition, BodyCellDefinition, HeaderCellDefinition, TemplateId } from '../src/model/templates/types.js';

/** A JSON Schema node, as far as the form reads it. */
export interface FieldSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: string[];
  const?: string;
  pattern?: string;
  minLength?: number;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  items?: FieldSchema;
}

export interface TemplateData {
  id: TemplateId;
  name: string;
  basis: string;
  parts: PartDefinition[];
  tables: TableDefinition[];
  statisticsRequired: boolean;
  emptyPartText: string;
  fields: { metadata: FieldSchema; signature: FieldSchema; style: FieldSchema; statistics: FieldSchema };
}

export interface Session {
  version: string;
  file: string | null;
  path: string | null;
  format: 'json' | 'yaml';
  fileVersion: string | null;
  canSave: boolean;
  report: Report;
  templates: TemplateData[];
}

export interface Issue {
  severity: 'error' | 'warning';
  code: string;
  path: string;
  label?: string;
  message: string;
  cells?: string[];
}

export interface Change {
  path: string;
  before: string;
  after: string;
}

/** A report as the page holds it: any JSON object; the page edits what it knows and keeps the rest. */
export type Report = Record<string, unknown>;
