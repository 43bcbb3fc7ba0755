#!/usr/bin/env node
/** The xxgk-report command line: init, validate, render, text, schema, serve. Messages are in Chinese; command and option names in ASCII. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, WARNINGS_SHOWN } from './cli/exit.js';
import { InputError } from './cli/inputError.js';
import { OutputError } from './cli/writeOutput.js';
import { PACKAGE_VERSION } from './packageInfo.js';
import { DEFAULT_EDITOR_PORT } from './serve/port.js';
import type { PdfALevel } from './pdf/writePdf.js';

const EXIT_CODES = '退出码：0 成功，1 报告有错误或生成失败，2 有警告且用了 --strict，3 输入文件无法读取，4 输出文件无法写入，64 命令用法有误。';

const HELP: Record<string, string> = {
  main: `xxgk-report ${PACKAGE_VERSION}：政府信息公开工作年度报告排版，生成 PDF/A 文件

用法：xxgk-report <命令> [选项]

命令：
  init [文件]           生成一份起始报告（需要 --agency 和 --year）
  validate <文件>       检查报告（JSON 或 YAML），列出全部错误和警告
  render <文件…>        把报告排版为 PDF
  text <文件.pdf>       打印本工具生成的 PDF 的文字流
  schema                打印报告的 JSON Schema
  serve [文件]          在浏览器中编辑报告：边写边检查，随时预览 PDF

“xxgk-report <命令> --help”查看该命令的选项。
${EXIT_CODES}`,
  init: `用法：xxgk-report init [文件] --agency <发布机关> --year <年度> [--template 2021|2019|2014|2008] [--force]
生成一份起始报告：模板的各部分都是空的（每个空部分一条警告，提醒填写）、统计表各项为 0、
落款日期为次年 1 月 31 日，并带 $schema（编辑器据此提示字段和检查格式）。
不给文件名时把 JSON 打印到标准输出；.yaml/.yml 文件写成 YAML，并以注释标出各部分标题和统计表各行的名称、单位。
$schema：文件所在项目装有 xxgk-report 时指向 ./node_modules/xxgk-report/schema/report.schema.json，否则指向已发布的网址。
  --agency        发布机关，如 临沂市民政局
  --year          报告年度（四位数字）
  --template      报告格式：2021（全国统一格式，六个部分、三个统计表；2021 年度起的默认）、
                  2019（2019年试行的全国统一格式；2019、2020 年度的默认）、
                  2014（十二部分，附统计表；2018 年度及以前的默认）或 2008（七部分）
  --force         覆盖已有的文件`,
  validate: `用法：xxgk-report validate <报告.json|.yaml> [--strict] [--format text|json] [--fix]
检查报告，每行一个错误或警告：JSON 路径、中文字段名、说明；最后一行是结论。
  --strict        有警告也算不通过（退出码 2）
  --format json   以 JSON 输出（供程序读取）
  --fix           把中文里的半角标点改为全角并写回文件，逐条列出修改；原文件备份为 <文件>.bak。
                  报告有错误时也会修改能改的部分，然后列出仍需手工修改的错误。
                  YAML 文件的注释和格式保持不变，只改动有变化的文字；符号链接指向的文件被就地更新。`,
  render: `用法：xxgk-report render <报告…> [-o 输出.pdf | -o - | --out-dir 文件夹 [--keep-folders]] [--pdfa 1b|2b|3b] [--font 角色=字体文件[#字体名]]… [--strict] [--verbose]
把报告（文件、文件夹，或文件名中带 * 的模式）排版为 PDF/A。PDF 先写到同一文件夹的临时文件，写完再改名，
所以已有的 PDF 只会被完整的新文件替换；输出到设备、管道或 -（标准输出）时直接写入。
  -o, --output      输出文件（只能用于一份报告）；- 表示标准输出
  --out-dir         PDF 的输出文件夹（默认：与各报告放在一起）
  --keep-folders    在 --out-dir 中按输入的文件夹分开存放（不同文件夹里的同名报告不会互相覆盖）
  --pdfa            PDF/A 级别（默认 1b）
  --font            为某一角色指定字体文件：title heading1 heading2 heading3 body table tableHeader pageNumber signature
  --strict          报告有警告时不生成 PDF（退出码 2，与 validate --strict 相同）
  --verbose         列出全部警告（默认只列前 ${WARNINGS_SHOWN} 条和总数）
两份报告会写到同一个 PDF 时（如 a/x.json 和 b/x.json，或 x.json 和 x.yml），什么也不生成，退出码 64。
${EXIT_CODES}`,
  text: `用法：xxgk-report text <文件.pdf>
打印 PDF 的文字流：每行一个文本行，带页码、位置、字体、字号和字距。`,
  schema: `用法：xxgk-report schema
打印报告对象的 JSON Schema。`,
  serve: `用法：xxgk-report serve [报告.json|.yaml] [--port 端口] [--open] [--pdfa 1b|2b|3b] [--font 角色=字体文件[#字体名]]…
在本机启动报告编辑器并打印网址，用浏览器打开即可编辑：按模板填写各部分和统计表，输入时自动检查
（错误和警告标在对应的栏目旁，统计表中不相符的数字标色），预览随修改更新，可一键把半角标点改为全角。
“保存”写回启动时给出的文件（先写临时文件再改名；原文件备份为 <文件>.bak；YAML 文件的注释尽量保留）。
不给文件时从一份空白报告开始，只能下载，不能保存。
编辑器只监听 127.0.0.1，不接受来自其他网站或其他主机名的请求；页面、脚本和字体都由本程序提供，无需联网。
按 Ctrl+C 停止。
  --port          端口（默认 ${DEFAULT_EDITOR_PORT}，被占用时自动换一个；指定的端口被占用则报错）
  --open          启动后用默认浏览器打开编辑器
  --pdfa          预览和下载的 PDF/A 级别（默认 1b）
  --font          为某一角色指定字体文件（同 render）`,
};

/** Node's messages for command-line parse errors, in Chinese. */
function parseArgsMessage(e: { code?: string; message: string }): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项 ${quoted ?? e.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message) ? `选项 ${quoted?.replace(/ <value>$/, '') ?? ''} 缺少取值` : `选项 ${quoted ?? ''} 不接受取值`;
    default:
      return `命令行有误（${e.message}）`;
  }
}

async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return out(PACKAGE_VERSION), EXIT.ok;
  if (!command || command === '--help' || command === '-h' || command === 'help') return out(HELP.main!), command ? EXIT.ok : EXIT.usage;
  if (!Object.hasOwn(HELP, command) || command === 'main') throw new UsageError(`未知命令“${command}”\n\n${HELP.main}`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        agency: { type: 'string' },
        year: { type: 'string' },
        template: { type: 'string' },
        force: { type: 'boolean' },
        strict: { type: 'boolean' },
        format: { type: 'string' },
        fix: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        'out-dir': { type: 'string' },
        'keep-folders': { type: 'boolean' },
        pdfa: { type: 'string' },
        font: { type: 'string', multiple: true },
        verbose: { type: 'boolean' },
        port: { type: 'string' },
        open: { type: 'boolean' },
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(`${parseArgsMessage(e as Error & { code: string })}\n“xxgk-report ${command} --help”查看用法。`);
    throw e;
  }
  const { values, positionals } = parsed;
  if (values.help) return out(HELP[command]!), EXIT.ok;
  // The commands (and the library behind them) are loaded only now: help and usage errors answer at once.
  const { initCommand, parseFontOptions, renderCommand, schemaCommand, serveCommand, validateCommand } = await import('./cli/commands.js');
  // zod checks this process's reports without compiling parsers of its own (new Function): a command checks one or a
  // few reports, and compiling those parsers costs more than they save (the seed: 12.5 → 6 ms cold, the same warm).
  // The setting is zod's, global: the command line sets it for its own process; the library never does.
  (await import('zod')).config({ jitless: true });
  switch (command) {
    case 'init':
      if (positionals.length > 1) throw new UsageError(`init 只接受一个文件名\n\n${HELP.init}`);
      return initCommand(positionals[0], values.agency, values.year, values.force ?? false, out, values.template);
    case 'validate':
      if (positionals.length !== 1) throw new UsageError(`validate 需要且只需要一个报告文件\n\n${HELP.validate}`);
      if (values.format && values.format !== 'json' && values.format !== 'text') throw new UsageError('--format 只能是 text 或 json');
      return validateCommand(positionals[0]!, { strict: values.strict ?? false, json: values.format === 'json', fix: values.fix ?? false }, out);
    case 'render': {
      const pdfa = values.pdfa ?? '1b';
      if (!['1b', '2b', '3b'].includes(pdfa)) throw new UsageError('--pdfa 只能是 1b、2b 或 3b');
      const render = { pdfa: pdfa as PdfALevel, fonts: await parseFontOptions(values.font ?? []) };
      return renderCommand(
        positionals,
        {
          ...(values.output !== undefined ? { output: values.output } : {}),
          ...(values['out-dir'] ? { outDir: values['out-dir'] } : {}),
          keepFolders: values['keep-folders'] ?? false,
          strict: values.strict ?? false,
          verbose: values.verbose ?? false,
          render,
        },
        out,
        err,
      );
    }
    case 'text': {
      if (positionals.length !== 1) throw new UsageError(`text 需要且只需要一个 PDF 文件\n\n${HELP.text}`);
      const { textCommand } = await import('./cli/textCommand.js');
      return textCommand(positionals[0]!, out);
    }
    case 'serve': {
      if (positionals.length > 1) throw new UsageError(`serve 最多接受一个报告文件\n\n${HELP.serve}`);
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!/^\d+$/.test(values.port!) || port > 65535)) throw new UsageError('--port 应为 0 到 65535 之间的整数（0 表示任选一个空闲端口）');
      const pdfa = values.pdfa ?? '1b';
      if (!['1b', '2b', '3b'].includes(pdfa)) throw new UsageError('--pdfa 只能是 1b、2b 或 3b');
      const render = { pdfa: pdfa as PdfALevel, fonts: await parseFontOptions(values.font ?? []) };
      return serveCommand(positionals[0], { ...(port !== undefined ? { port } : {}), open: values.open ?? false, render }, out, err);
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
    // Input and output errors begin with the file's name; others with the program's.
    process.stderr.write(e instanceof InputError || e instanceof OutputError ? `${message}\n` : `xxgk-report：${message}\n`);
    process.exitCode = e instanceof UsageError ? EXIT.usage : e instanceof InputError ? EXIT.input : e instanceof OutputError ? EXIT.output : EXIT.invalid;
  },
);
