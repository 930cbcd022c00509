/**
 * The Styring view's work on the root: versions, the reallocation's funds check and the change
 * itself, confirming a condition, carry-over rules, closing and reopening years. Each change is the
 * engine's own `…InState` function, run through the session's one gate (`PlannerSession.change`,
 * the engine's `runChange`), so a refusal here is the command line's refusal, word for word.
 */
import type { ReactiveController } from 'lit';
import {
  changeContext,
  closeYearInState,
  compareVersionsInState,
  confirmConditionInState,
  formatMoney,
  frameKey,
  frameTotalsByYear,
  Money,
  newVersionInState,
  parseAmount,
  previewReallocationInState,
  reallocateInState,
  reopenYearInState,
  setVersionStatusInState,
  tryCarryOverInState,
  type ChangeContext,
  type FrameDifference,
  type GovernanceResult,
  type Problem,
  type ReallocationPreview,
} from '../../../engine/index.js';
import type { CarryOverDetail, ReallocationDetail } from '../events.js';
import { carryOverRuleOf } from '../governance.js';
import type { ChangeRequest } from '../session.js';
import { t } from '../../../engine/messages/ui.js';
import { listen, type AppLink } from './app-link.js';

/** A comparison asked for: the two version ids and how their frames differ. */
export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly differences: readonly FrameDifference[];
}

/** What a carry-over rule in the form would give: what the next year receives, or why it is refused. */
export type CarryOverPreview =
  | { readonly ok: true; readonly intoYear: number; readonly carriedIn: Money | null }
  | { readonly ok: false; readonly message: string };

/** The words of problems, one sentence after the other. */
function said(problems: readonly Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/** Governance state for the view and its actions. */
export class GovernanceController implements ReactiveController {
  preview: ReallocationPreview | null = null;
  comparison: Comparison | null = null;
  carryOver: CarryOverPreview | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly app: AppLink) {
    app.addController(this);
  }

  hostConnected(): void {
    const app = this.app;
    const lang = () => app.uiLang;
    this.off.push(
      listen(app, 'ia-derive-version', (e) => {
        const { baseId, name, kind } = e.detail;
        this.change({ make: (s, c, f) => newVersionInState(s, { name, kind, from: baseId }, c, f, lang()) });
      }),
      listen(app, 'ia-version-status', (e) =>
        this.change({ make: (s, c, f) => setVersionStatusInState(s, e.detail.id, e.detail.to, c, f, lang()) }),
      ),
      listen(app, 'ia-compare-versions', (e) => {
        const result = compareVersionsInState(app.session.state, e.detail.a, e.detail.b, app.session.file, lang());
        if (!result.ok) return app.notify.error(said(result.problems));
        this.comparison = { a: e.detail.a, b: e.detail.b, differences: result.differences };
        app.requestUpdate();
      }),
      listen(app, 'ia-preview-reallocation', (e) => {
        this.preview = this.check(e.detail);
        app.requestUpdate();
      }),
      listen(app, 'ia-reallocate', (e) => this.reallocate(e.detail, e.detail.why)),
      listen(app, 'ia-confirm-condition', (e) => {
        const frame = app.session.plan.frames.find((f) => frameKey(f) === e.detail.key);
        const [instrument, from] = frame ? [frame.instrument, frame.from] : [e.detail.key, 0];
        this.change({ make: (s, c, f, r) => confirmConditionInState(s, instrument, from, c, f, lang(), r) }, e.detail.why);
      }),
      listen(app, 'ia-preview-carry-over', (e) => {
        this.carryOver = this.checkCarryOver(e.detail);
        app.requestUpdate();
      }),
      listen(app, 'ia-carry-over', (e) => this.setCarryOver(e.detail, e.detail.why)),
      listen(app, 'ia-close-year', (e) =>
        this.change({ make: (s, c, f) => closeYearInState(s, e.detail.year, c, f, lang()) }, e.detail.why),
      ),
      listen(app, 'ia-reopen-year', (e) =>
        this.change({ make: (s, c, f) => reopenYearInState(s, e.detail.year, c, f, lang()), unlocked: true }, e.detail.why),
      ),
    );
  }

  hostDisconnected(): void {
    for (const off of this.off.splice(0)) off();
  }

  /** The move a form states, or null while its amount cannot be read. */
  private move(detail: ReallocationDetail) {
    const amount = parseAmount(detail.amount);
    if (!amount.ok) return null;
    return { year: detail.year, from: detail.from, to: detail.to, amount: Money.fromOre(amount.ore) };
  }

  /** The funds check for a proposed move; null while the amount cannot be read. */
  private check(detail: ReallocationDetail): ReallocationPreview | null {
    const move = this.move(detail);
    if (!move) return null;
    const session = this.app.session;
    return previewReallocationInState(session.state, move, session.rows, this.app.uiLang);
  }

  private reallocate(detail: ReallocationDetail, why: string): void {
    const app = this.app;
    const move = this.move(detail);
    if (!move) return app.notify.error(t(app.uiLang, 'badAmount'));
    const rows = app.session.rows;
    this.change(
      { make: (s, c, f, r) => reallocateInState(s, move, rows, c, f, app.uiLang, r) },
      why,
      () => {
        const total = frameTotalsByYear(app.session.plan.frames).get(detail.year) ?? Money.zero;
        return t(app.uiLang, 'reallocated', { year: detail.year, total: formatMoney(total, { lang: app.uiLang }) });
      },
      // A refused or accepted move keeps its figures and the engine's reason in the form.
      () => (this.preview = this.check(detail)),
    );
  }

  /** The engine's answer to the rule in the form, as of the current spending; nothing changes. */
  private checkCarryOver(detail: CarryOverDetail): CarryOverPreview {
    const app = this.app;
    const rule = carryOverRuleOf(detail.rule, detail.share, detail.overspend);
    if (!rule) return { ok: false, message: t(app.uiLang, 'badShare') };
    const target = { instrument: detail.instrument, from: detail.year, to: detail.year };
    const trial = app.session.tryCarryOver(target, rule, this.context(''), app.uiLang);
    return trial.ok
      ? { ok: true, intoYear: trial.intoYear, carriedIn: trial.carriedIn }
      : { ok: false, message: said(trial.problems) };
  }

  private setCarryOver(detail: CarryOverDetail, why: string): void {
    const app = this.app;
    const rule = carryOverRuleOf(detail.rule, detail.share, detail.overspend);
    if (!rule) return app.notify.error(t(app.uiLang, 'badShare'));
    const target = { instrument: detail.instrument, from: detail.year, to: detail.year };
    const rows = app.session.rows;
    let done = '';
    this.change(
      {
        make: (s, c, f, r) => {
          const trial = tryCarryOverInState(s, target, rule, rows, c, f, app.uiLang, r);
          if (!trial.ok) return trial;
          // No frame starts the next year: nothing is said to be carried (never "0,00 kr"), as on the command line.
          done =
            trial.carriedIn === null
              ? trial.message
              : t(app.uiLang, 'carryOverDone', {
                  message: trial.message,
                  year: trial.intoYear,
                  amount: formatMoney(trial.carriedIn, { lang: app.uiLang }),
                });
          return trial;
        },
      },
      why,
      () => done,
      () => (this.carryOver = this.checkCarryOver(detail)),
    );
  }

  private context(why: string): ChangeContext {
    return changeContext(this.app.userName, this.app.nowIso(), why);
  }

  /**
   * Runs one change with who/when/why through the session's gate, which writes the tables it
   * changed; `done` words the success (the engine's own message by default), `after` runs either way.
   */
  private change(request: ChangeRequest, why = '', done?: () => string, after?: () => void): void {
    const app = this.app;
    if (app.userName === '') return app.notify.error(t(app.uiLang, 'needName'));
    void app.run(async () => {
      const result: GovernanceResult = await app.session.change(request, this.context(why), app.uiLang);
      after?.();
      if (!result.ok) {
        app.notify.error(said(result.problems));
        // The session read the workbook again: a refusal may come with a new state to show.
        app.changed();
        return;
      }
      app.notify.success(done ? done() : result.message);
      app.changed();
    });
  }
}
