import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { buildReportData, type ReportOptions } from './build-report-data.ts';
import type { ReportData } from './report-data.ts';
import { reportFormats, type ReportFormat } from './report-format.ts';
import { renderReport } from './render-report.ts';
import { openReportStore } from './store/open-report-store.ts';

/** What `writeReport` needs: where the data is, what to select, where to write. */
export interface WriteReportOptions extends ReportOptions {
  /** The baton database, e.g. results/baton.duckdb. Opened read-only. */
  readonly dbPath: string;
  /** The report file, e.g. results/report.html; other formats replace its extension. */
  readonly outFile: string;
  /** Default `['html']`. */
  readonly formats?: readonly ReportFormat[] | undefined;
}

/** The files written and the data they show. */
export interface WrittenReport {
  readonly files: readonly string[];
  readonly data: ReportData;
}

/**
 * Builds a report from a database and writes it in each format. With HTML, every chart's
 * vega-lite spec (data inlined) goes to `<name>.specs/<chart>.vl.json` beside the page, so the
 * charts can be re-rendered or restyled elsewhere.
 */
export async function writeReport(options: WriteReportOptions): Promise<WrittenReport> {
  const store = await openReportStore(options.dbPath);
  let data: ReportData;
  try {
    data = await buildReportData(store, options);
  } finally {
    store.close();
  }
  const formats: ReportFormat[] = [...new Set(options.formats ?? ['html' as const])];
  const stem = reportStem(options.outFile);
  const specsFolder = `${basename(stem)}.specs`;
  const files: string[] = [];
  mkdirSync(dirname(options.outFile), { recursive: true });
  for (const format of formats) {
    const rendered = await renderReport(data, format, specsFolder);
    const file = formats.length === 1 && extname(options.outFile) !== '' ? options.outFile : `${stem}.${format}`;
    writeFileSync(file, rendered.text);
    files.push(file);
    if (format === 'html') files.push(...writeSpecs(join(dirname(stem), specsFolder), rendered.charts));
  }
  return { files, data };
}

/** The output path without a known report extension: results/report.html → results/report. */
function reportStem(outFile: string): string {
  const extension = extname(outFile);
  return (reportFormats as readonly string[]).includes(extension.slice(1)) ? outFile.slice(0, -extension.length) : outFile;
}

function writeSpecs(folder: string, charts: readonly { name: string; spec: unknown }[]): string[] {
  mkdirSync(folder, { recursive: true });
  // Specs of charts the new report no longer has (a policy that went away) must not linger.
  for (const file of readdirSync(folder)) if (file.endsWith('.vl.json')) rmSync(join(folder, file));
  return charts.map((chart) => {
    const file = join(folder, `${chart.name}.vl.json`);
    writeFileSync(file, `${JSON.stringify(chart.spec, null, 2)}\n`);
    return file;
  });
}
