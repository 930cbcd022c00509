/**
 * The Styring view's work on the root: versions, the reallocation's funds check and the change
 * itself, confirming a condition, closing and reopening years. Every accepted change is logged by
 * `Governance`, and the session then writes Rammer, Avstemming and Logg; a refusal shows the
 * engine's reason on the notifier.
 */
import type { ReactiveController } from 'lit';
import {
  formatMoney,
  frameTotalsByYear,
  Money,
  parseAmount,
  type ChangeContext,
  type FrameDifference,
  type ReallocationPreview,
} from '../../../engine/index.js';
import type { CarryOverDetail, ReallocationDetail } from '../events.js';
import { carryOverRuleOf, type CarryOverRequest, type ChangeOutcome } from '../governance.js';
import { t, type TextKey } from '../i18n.js';
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
    const g = () => app.session.governance;
    this.off.push(
      listen(app, 'ia-derive-version', (e) =>
        this.change(
          (c) => g().derive(e.detail.baseId, e.detail.name, e.detail.kind, c),
          () => t(app.uiLang, 'versionCreated', { name: e.detail.name }),
        ),
      ),
      listen(app, 'ia-version-status', (e) => {
        const words: Record<string, TextKey> = { draft: 'statusDraft', submitted: 'statusSubmitted', approved: 'statusApproved' };
        this.change(
          (c) => g().setStatus(e.detail.id, e.detail.to, c),
          () => t(app.uiLang, 'statusChanged', { status: t(app.uiLang, words[e.detail.to]!) }),
        );
      }),
      listen(app, 'ia-compare-versions', (e) => {
        const unstored = [e.detail.a, e.detail.b].find((id) => g().unstored.has(id));
        if (unstored !== undefined) return app.notify.error(t(app.uiLang, 'versionFramesNotStored', { id: unstored }));
        this.comparison = { a: e.detail.a, b: e.detail.b, differences: g().compare(e.detail.a, e.detail.b) };
        app.requestUpdate();
      }),
      listen(app, 'ia-preview-reallocation', (e) => {
        this.preview = this.check(e.detail);
        app.requestUpdate();
      }),
      listen(app, 'ia-reallocate', (e) => this.reallocate(e.detail, e.detail.why)),
      listen(app, 'ia-confirm-condition', (e) =>
        this.change(
          (c) => g().confirm(e.detail.key, c),
          () => t(app.uiLang, 'conditionConfirmed'),
          e.detail.why,
        ),
      ),
      listen(app, 'ia-preview-carry-over', (e) => {
        this.carryOver = this.checkCarryOver(e.detail);
        app.requestUpdate();
      }),
      listen(app, 'ia-carry-over', (e) => this.setCarryOver(e.detail, e.detail.why)),
      listen(app, 'ia-close-year', (e) =>
        this.change(
          (c) => g().close(e.detail.year, app.session.lines, c),
          () => t(app.uiLang, 'yearClosedDone', { year: e.detail.year }),
          e.detail.why,
        ),
      ),
      listen(app, 'ia-reopen-year', (e) =>
        this.change(
          (c) => g().reopen(e.detail.year, c),
          () => t(app.uiLang, 'yearReopenedDone', { year: e.detail.year }),
          e.detail.why,
        ),
      ),
    );
  }

  hostDisconnected(): void {
    for (const off of this.off.splice(0)) off();
  }

  /** The funds check for a proposed move; null while the amount cannot be read. */
  private check(detail: ReallocationDetail): ReallocationPreview | null {
    const amount = parseAmount(detail.amount);
    if (!amount.ok) return null;
    const move = { year: detail.year, from: detail.from, to: detail.to, amount: Money.fromOre(amount.ore) };
    return this.app.session.governance.preview(move, this.app.session.rows);
  }

  private reallocate(detail: ReallocationDetail, why: string): void {
    const app = this.app;
    const amount = parseAmount(detail.amount);
    if (!amount.ok) return app.notify.error(t(app.uiLang, 'badAmount'));
    const move = { year: detail.year, from: detail.from, to: detail.to, amount: Money.fromOre(amount.ore) };
    this.change(
      (c) => g(app).reallocate(move, app.session.rows, c),
      () => {
        this.preview = this.check(detail);
        const total = frameTotalsByYear(app.session.plan.frames).get(detail.year) ?? Money.zero;
        return t(app.uiLang, 'reallocated', { year: detail.year, total: formatMoney(total, { lang: app.uiLang }) });
      },
      why,
    );
    // A refused move keeps its figures and the engine's reason in the form.
    this.preview = this.check(detail);
  }

  /** The request a form states, or null when its share cannot be read. */
  private request(detail: CarryOverDetail): CarryOverRequest | null {
    const rule = carryOverRuleOf(detail.rule, detail.share, detail.overspend);
    return rule && { instrument: detail.instrument, year: detail.year, rule };
  }

  /** The engine's answer to the rule in the form, as of the current spending; nothing changes. */
  private checkCarryOver(detail: CarryOverDetail): CarryOverPreview {
    const app = this.app;
    const request = this.request(detail);
    if (!request) return { ok: false, message: t(app.uiLang, 'badShare') };
    return app.session.checkCarryOver(request, { who: app.userName, at: app.nowIso(), why: '' }, app.uiLang);
  }

  private setCarryOver(detail: CarryOverDetail, why: string): void {
    const app = this.app;
    const request = this.request(detail);
    if (!request) return app.notify.error(t(app.uiLang, 'badShare'));
    let done = '';
    this.change(
      (c) => {
        const result = app.session.setCarryOver(request, c, app.uiLang);
        if (result.ok) {
          const amount = formatMoney(result.carriedIn ?? Money.zero, { lang: app.uiLang });
          done = t(app.uiLang, 'carryOverDone', { message: result.message, year: result.intoYear, amount });
        }
        return result;
      },
      () => {
        this.carryOver = this.checkCarryOver(detail);
        return done;
      },
      why,
    );
    this.carryOver = this.checkCarryOver(detail);
  }

  /** Runs one change with who/when/why, then lets the session apply and write it. */
  private change(make: (context: ChangeContext) => ChangeOutcome, done: () => string, why = ''): void {
    const app = this.app;
    if (app.userName === '') return app.notify.error(t(app.uiLang, 'needName'));
    void app.run(async () => {
      const outcome = make({ who: app.userName, at: app.nowIso(), why: why.trim() });
      if (!outcome.ok) {
        app.notify.error(outcome.message);
        app.requestUpdate();
        return;
      }
      await app.session.applyGovernance(app.uiLang);
      app.notify.success(done());
      app.changed();
    });
  }
}

function g(app: AppLink) {
  return app.session.governance;
}
