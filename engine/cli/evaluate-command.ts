/** The `evaluate` command: the annual evaluation as a table, JSON or the council's HTML report (CONTRACTS §4, §6). */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  evaluate,
  evaluationJson,
  formatMoney,
  formatPercent,
  percentText,
  instrumentStatusText,
  periodWords,
  readIndicatorBytes,
  renderEvaluationHtml,
  type Evaluation,
  type IndicatorReading,
  type Lang,
} from '../index.js';
import { boundOf, UsageError, yearOption, type CliOptions } from './args.js';
import { countText, dateText, frameMoney, problemLines, problemsJson, yearSpan, type CommandResult } from './commands.js';
import { loadLedgers, loadPlan, readAuthorisationsFile, resolveAsOf } from './io.js';
import { writeFileSafely, WorkbookExistsError } from '../workbook/xlsx/save-file.js';
import { renderTable } from './text-table.js';
import { errorCode, fileProblem } from '../messages/file-errors.js';
import { FileReadError, readFailure } from './file-access.js';

/** The indicator file given with --indicators (null without one); an unreadable file is a problem. */
export function readIndicators(path: string | undefined, lang: Lang): IndicatorReading | null {
  if (path === undefined) return null;
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const failure = readFailure(path);
    if (failure !== null) throw new FileReadError(path, failure);
    bytes = readFileSync(path);
  } catch (error) {
    const code = error instanceof FileReadError ? error.code : (errorCode(error) ?? 'EIO');
    const unreadable = fileProblem(path, 'read', code, lang);
    return { values: [], goals: new Map(), activities: [], resources: [], problems: [unreadable] };
  }
  return readIndicatorBytes(name, bytes, lang);
}

function evaluationText(e: Evaluation, lang: Lang): string {
  const nb = lang === 'nb';
  const asOf = dateText(e.asOf, lang);
  let out = nb ? `Årlig vurdering ${e.year} (per ${asOf})\n\n` : `Annual evaluation ${e.year} (as of ${asOf})\n\n`;
  out += renderTable(
    nb
      ? ['Indikator', 'Periode', 'Verdi', 'Utgangspunkt', 'Mål', 'Endring', 'Retning', 'På kurs']
      : ['Indicator', 'Period', 'Value', 'Baseline', 'Goal', 'Change', 'Direction', 'On course'],
    e.indicators.map((a) => [
      nb ? a.definition.name : a.definition.nameEn,
      a.value ? periodWords(a.value, lang) : '–',
      a.value ? percentText(a.value.value, lang) : '–',
      a.baseline ? percentText(a.baseline.value, lang) : '–',
      a.goal ? percentText(a.goal, lang) : '–',
      a.changeFromBaseline === null ? '–' : formatPercent(a.changeFromBaseline, lang),
      a.direction === null
        ? '–'
        : nb
          ? { worse: 'feil retning', better: 'riktig retning', unchanged: 'uendret' }[a.direction]
          : { worse: 'wrong direction', better: 'right direction', unchanged: 'unchanged' }[a.direction],
      a.onCourse === null ? '–' : a.onCourse ? (nb ? 'ja' : 'yes') : nb ? 'nei' : 'no',
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'left', 'left'],
  );
  out += '\n';
  out += renderTable(
    nb
      ? ['Virkemiddel', 'År', 'Ramme', 'Utbetalt', 'Åpne tilsagn', 'Utnyttelse', 'Status']
      : ['Instrument', 'Year', 'Frame', 'Spent', 'Open commitments', 'Utilisation', 'Status'],
    e.instruments.map((i) => [
      i.name,
      yearSpan(i.from, i.to),
      frameMoney(i.frame, lang),
      formatMoney(i.spent, { lang }),
      formatMoney(i.openCommitments, { lang }),
      formatPercent(i.utilisation, lang),
      i.status === null ? '–' : instrumentStatusText(i.status, lang),
    ]),
    ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
  out += `\n${nb ? 'Justering påkrevd' : 'Adjustment required'}: ${e.adjustmentRequired ? (nb ? 'ja' : 'yes') : nb ? 'nei' : 'no'}\n\n`;
  out += e.findings.map((f) => `• ${f}\n`).join('');
  return out;
}

/** `ia-planner evaluate --year Y [--indicators FILE.csv] [--ledger FILE …] [--plan FILE.xlsx] [--as-of D] [--format table|json|html] [--out FILE.html]`. */
export async function evaluateCommand(options: CliOptions): Promise<CommandResult> {
  if (options.year === undefined) throw new UsageError('evaluate trenger --year ÅR', 'evaluate needs --year YEAR');
  const year = yearOption(options.year, '--year');
  if (options.format === 'csv')
    throw new UsageError('evaluate kan skrive table, json eller html, ikke csv', 'evaluate writes table, json or html, not csv');
  const lang = options.lang;
  const asOf = resolveAsOf(options.asOf);
  const bound = boundOf(options);
  const { plan, problems: planProblems, log } = await loadPlan(options.plan, lang, options.rules);
  if (!plan) return { stdout: '', stderr: problemLines(planProblems, 'errors', bound), status: 1 };
  const indicators = readIndicators(options.indicators, lang);
  const loaded = await loadLedgers(plan, options.ledger, { skipInvalid: options.skipInvalid, lang });
  const authorisations = options.authorisations === undefined ? null : readAuthorisationsFile(options.authorisations, lang);
  const problems = [...(indicators?.problems ?? []), ...(authorisations?.problems ?? []), ...loaded.problems];
  const rejected = loaded.rejected || problems.length > loaded.problems.length;
  const stderr = problemLines(problems, 'errors', bound) + problemLines(loaded.warnings, 'warnings', bound);
  if (rejected) {
    if (options.format === 'json') {
      return {
        stdout: JSON.stringify({ year, ...problemsJson(problems, loaded.warnings, bound) }, null, 2) + '\n',
        stderr,
        status: 1,
      };
    }
    const note =
      lang === 'nb'
        ? `Inndata ble avvist: ${countText(problems.length, lang)} feil. Ingen vurdering er laget.\n`
        : `The input was rejected: ${countText(problems.length, lang)} errors. No evaluation was made.\n`;
    return { stdout: '', stderr: stderr + note, status: 1 };
  }
  const evaluation = evaluate({
    year,
    plan,
    lines: loaded.ledger.lines,
    asOf,
    authorisations: authorisations?.authorisations ?? [],
    values: indicators?.values ?? [],
    goals: indicators?.goals ?? new Map(),
    activities: indicators?.activities ?? [],
    resources: indicators?.resources ?? [],
    thresholds: {
      ...(options.riskBelow !== undefined ? { riskBelow: options.riskBelow } : {}),
      ...(options.deviationBelow !== undefined ? { deviationBelow: options.deviationBelow } : {}),
    },
    lang,
  });
  if (options.format === 'json') {
    // With --skip-invalid the lines left out are errors too, listed and counted as reconcile lists them.
    const json = { ...evaluationJson(evaluation), ...problemsJson(problems, loaded.warnings, bound) };
    return { stdout: JSON.stringify(json, null, 2) + '\n', stderr, status: 0 };
  }
  if (options.format === 'html') {
    const html = renderEvaluationHtml(evaluation, { lang, log });
    if (options.out === undefined) return { stdout: html, stderr, status: 0 };
    try {
      await writeFileSafely(options.out, (temp) => writeFileSync(temp, html), { overwrite: options.force });
    } catch (error) {
      if (!(error instanceof WorkbookExistsError)) throw error;
      const exists =
        lang === 'nb'
          ? `${options.out} finnes fra før; bruk --force for å skrive over.`
          : `${options.out} already exists; use --force to overwrite it.`;
      return { stdout: '', stderr: stderr + exists + '\n', status: 1 };
    }
    return { stdout: '', stderr: stderr + `${lang === 'nb' ? 'Skrev' : 'Wrote'} ${options.out}\n`, status: 0 };
  }
  return { stdout: evaluationText(evaluation, lang), stderr, status: 0 };
}
