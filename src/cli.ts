#!/usr/bin/env node
/** The xxgk-report command line: init, validate, render, text, schema. */
import { parseArgs } from 'node:util';
import { EXIT, initCommand, parseFontOptions, renderCommand, schemaCommand, UsageError, validateCommand, OutputError } from './cli/commands.js';
import { InputError } from './cli/readReportFile.js';
import { PACKAGE_VERSION } from './packageInfo.js';
import type { PdfALevel } from './pdf/writePdf.js';

const HELP: Record<string, string> = {
  main: `xxgk-report ${PACKAGE_VERSION}: 政府信息公开工作年度报告排版 — typesets annual reports as PDF/A

Usage: xxgk-report <command> [options]

Commands:
  init [file]           write a starting report (--agency, --year)
  validate <file>       check a report (JSON or YAML)
  render <file…>        render reports to PDF
  text <file.pdf>       print the text stream of a PDF made by this library
  schema                print the JSON Schema of the report

Run "xxgk-report <command> --help" for a command's options.
Exit codes: 0 ok, 1 invalid report or failed render, 2 warnings with --strict, 3 unreadable input, 4 unwritable output, 64 usage.`,
  init: `Usage: xxgk-report init [file] --agency <发布机关> --year <YYYY> [--force]
Writes a starting report: the twelve sections with one empty paragraph each, every statistics value 0,
the signature dated today. Without a file it prints JSON; a .yaml/.yml file gets YAML.`,
  validate: `Usage: xxgk-report validate <report.json|.yaml> [--strict] [--format text|json] [--fix]
Prints every error and warning, one a line: JSON path, Chinese label, message.
  --strict        warnings count as failures (exit 2)
  --format json   machine-readable output
  --fix           rewrite the file with half-width punctuation in Chinese text made full-width, printing each change`,
  render: `Usage: xxgk-report render <report…> [-o out.pdf | --out-dir dir] [--pdfa 1b|2b|3b] [--font role=path[#face]]… [--strict]
Renders reports (files, folders, or name patterns with *) to PDF/A. Each PDF is written to a temporary file
and renamed, so an existing PDF is only ever replaced by a complete one.
  -o, --output    the output file (one report)
  --out-dir       folder for the PDFs (default: next to each report)
  --pdfa          PDF/A level (default 1b)
  --font          a font file for a role: title heading1 heading2 heading3 body table tableHeader pageNumber signature
  --strict        refuse reports with warnings`,
  text: `Usage: xxgk-report text <file.pdf>
Prints the PDF's text stream, one line per text line with page, position, font, size and spacing.`,
  schema: `Usage: xxgk-report schema
Prints the JSON Schema of the report object.`,
};

async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return out(PACKAGE_VERSION), EXIT.ok;
  if (!command || command === '--help' || command === '-h' || command === 'help') return out(HELP.main!), command ? EXIT.ok : EXIT.usage;
  if (!Object.hasOwn(HELP, command) || command === 'main') throw new UsageError(`unknown command "${command}"\n\n${HELP.main}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      agency: { type: 'string' },
      year: { type: 'string' },
      force: { type: 'boolean' },
      strict: { type: 'boolean' },
      format: { type: 'string' },
      fix: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      pdfa: { type: 'string' },
      font: { type: 'string', multiple: true },
    },
  });
  if (values.help) return out(HELP[command]!), EXIT.ok;
  switch (command) {
    case 'init':
      return initCommand(positionals[0], values.agency, values.year, values.force ?? false, out);
    case 'validate':
      if (positionals.length !== 1) throw new UsageError(HELP.validate!);
      if (values.format && values.format !== 'json' && values.format !== 'text') throw new UsageError('--format is text or json');
      return validateCommand(positionals[0]!, { strict: values.strict ?? false, json: values.format === 'json', fix: values.fix ?? false }, out);
    case 'render': {
      const pdfa = values.pdfa ?? '1b';
      if (!['1b', '2b', '3b'].includes(pdfa)) throw new UsageError('--pdfa is 1b, 2b or 3b');
      const render = { pdfa: pdfa as PdfALevel, strict: values.strict ?? false, fonts: parseFontOptions(values.font ?? []) };
      return renderCommand(positionals, { ...(values.output ? { output: values.output } : {}), ...(values['out-dir'] ? { outDir: values['out-dir'] } : {}), render }, out, err);
    }
    case 'text': {
      if (positionals.length !== 1) throw new UsageError(HELP.text!);
      const { textCommand } = await import('./cli/textCommand.js');
      return textCommand(positionals[0]!, out);
    }
    default:
      return schemaCommand(out);
  }
}

// A reader that stops early (`xxgk-report text a.pdf | head`) is not an error: later output is dropped, the work goes on.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`xxgk-report: ${message}\n`);
    process.exitCode = e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? EXIT.usage : e instanceof InputError ? EXIT.input : e instanceof OutputError ? EXIT.output : EXIT.invalid;
  },
);
