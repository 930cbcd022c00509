/**
 * `ia-planner carry-over`: sets a frame's carry-over rule in the planning workbook (the `Rammer`
 * columns `Overføring`, `Andel`, `Overforbruk overføres`), so a user never edits them by hand. The
 * rewritten `Avstemming` shows what the frame now carries into the next year (`Overført inn`). A
 * frame of a closed year, or one carrying into a closed year, is refused.
 */
import {
  findInstrument,
  carriedIntoNextYear,
  noticeText,
  parseShare,
  reconcileState,
  setCarryOverInState,
  type CarryOverRule,
  type GovernanceResult,
  type Lang,
} from '../index.js';
import { UsageError, yearOption, type CliOptions } from './args.js';
import type { CommandResult } from './commands.js';
import { asOfFor } from './workbook-command.js';
import { need, runWorkbookChange } from './write-change.js';

const COMMAND = 'carry-over';

/** The rule the options describe; a usage error (exit 2) for a rule, share or yes/no that cannot be read. */
export function ruleOf(options: CliOptions): CarryOverRule {
  const kind = need(options.rule, '--rule ingen|alt|andel', COMMAND, '--rule ingen|alt|andel').toLowerCase();
  const overspendText = options.overspend?.trim().toLowerCase() ?? 'nei';
  if (!['ja', 'nei'].includes(overspendText))
    throw new UsageError(
      `--overspend må være ja eller nei, ikke «${options.overspend}»`,
      `--overspend must be ja or nei (yes or no), not “${options.overspend}”`,
    );
  const carryOverspend = overspendText === 'ja';
  if (kind === 'ingen') {
    if (options.share !== undefined || options.overspend !== undefined)
      throw new UsageError('--rule ingen tar ikke --share eller --overspend', '--rule ingen takes no --share or --overspend');
    return { kind: 'none' };
  }
  if (kind === 'alt') {
    if (options.share !== undefined)
      throw new UsageError('--share hører bare til --rule andel', '--share belongs only to --rule andel');
    return { kind: 'all', carryOverspend };
  }
  if (kind !== 'andel')
    throw new UsageError(
      `--rule må være ingen, alt eller andel, ikke «${options.rule}»`,
      `--rule must be ingen, alt or andel (none, all or share), not “${options.rule}”`,
    );
  const share = parseShare(
    need(options.share, '--share ANDEL (f.eks. 0,05 eller 5 %)', COMMAND, '--share SHARE (e.g. 0.05 or 5 %)'),
  );
  if (share === null)
    throw new UsageError(
      `--share må være en andel fra 0 til 1 (0,05) eller en prosent (5 %), ikke «${options.share}»`,
      `--share must be a share from 0 to 1 (0.05) or a percentage (5 %), not “${options.share}”`,
    );
  return { kind: 'share', share, carryOverspend };
}

/** What the frame now carries into the next year, as a sentence (the workbook's own ledger, as Avstemming shows it). */
function carriedSentence(result: GovernanceResult & { ok: true }, key: string, lang: Lang): string {
  const state = result.state;
  const rows = reconcileState(state, asOfFor(undefined, state.lines)).rows;
  const next = carriedIntoNextYear(state, key, rows);
  if (!next || next.carriedIn === null) return '';
  return ` ${noticeText({ code: 'carried_into', year: next.intoYear, amount: next.carriedIn }, lang)}`;
}

/** `ia-planner carry-over --plan F --instrument I --from ÅR [--to ÅR] --rule ingen|alt|andel [--share 0,05] [--overspend ja|nei]`. */
export async function carryOverCommand(options: CliOptions): Promise<CommandResult> {
  const lang = options.lang;
  const path = need(options.plan, '--plan FIL.xlsx', COMMAND, '--plan FILE.xlsx');
  need(options.reason, '--reason TEKST', COMMAND, '--reason TEXT');
  if (options.format !== 'table') throw new UsageError(`${COMMAND} tar ikke --format`, `${COMMAND} takes no --format`);
  const instrumentText = need(options.instrument, '--instrument VIRKEMIDDEL', COMMAND, '--instrument INSTRUMENT');
  const instrument = findInstrument(instrumentText)?.id ?? instrumentText;
  const from = yearOption(need(options.from, '--from ÅR', COMMAND, '--from YEAR'), '--from');
  const to = options.to === undefined ? undefined : yearOption(options.to, '--to');
  const rule = ruleOf(options);
  const target = { instrument, from, ...(to === undefined ? {} : { to }) };
  return runWorkbookChange(path, options, COMMAND, (state, context, file, frameRows) => {
    const result = setCarryOverInState(state, target, rule, context, file, lang, frameRows);
    if (!result.ok) return { result };
    return { result: { ...result, message: result.message + carriedSentence(result, result.change.target, lang) } };
  });
}
