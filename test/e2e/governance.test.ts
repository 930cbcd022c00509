/**
 * The Styring view end to end: versions (kept with their frames in the saved workbook), reallocation
 * with the funds check, a confirmed condition, a closed year and the change log.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { embeddedPlan, formatMoney, formatPercent, Money } from '../../engine/index.js';
import { avstemmingSheet, checkAxe, fixture, openPreview, reconcileAt, RESULTS, previewSuite } from './browser.js';

const kr = (amount: string) => formatMoney(Money.of(amount));

async function setName(page: Page, name: string): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Innstillinger' }).click();
  await page.getByLabel('Ditt navn (brukes i endringsloggen)').fill(name);
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await page.locator('ia-notifier .success', { hasText: 'Innstillingene er lagret' }).waitFor();
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
  await page.locator('ia-import-view input[type=file]').setInputFiles(file);
  await page.locator('ia-import-view [data-testid=import-result]').waitFor();
}

async function openGovernance(page: Page): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Styring' }).click();
  await page.locator('ia-governance-view h2').waitFor();
}

/** Fills the reallocation form; the preview follows every keystroke. */
async function proposeMove(page: Page, year: number, from: string, to: string, amount: string, why: string): Promise<void> {
  const form = page.locator('ia-reallocation-form');
  await form.locator('#r-year').selectOption(String(year));
  await form.locator('#r-from').selectOption(from);
  await form.locator('#r-to').selectOption(to);
  await form.locator('#r-amount').fill(amount);
  await form.locator('#r-why').fill(why);
}

async function chainText(page: Page): Promise<string> {
  return ((await page.locator('ia-change-log [data-testid=chain]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the Styring view', function () {
  this.timeout(240_000);
  const suite = previewSuite();

  it('refuses a reallocation larger than what remains, shows the remaining amount first, and keeps the year total on a valid one', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await setName(page, 'Kari Nordmann');
    await importFile(page, fixture('forbruk-2025.csv'));
    await openGovernance(page);

    await proposeMove(page, 2025, 'ekspertbistand', 'kompetansetiltak', '40 000 000', 'Flere saker enn ventet');
    const preview = page.locator('ia-reallocation-form [data-testid=reallocation-preview]');
    await preview.locator('[data-testid=refusal]').waitFor();
    expect((await preview.locator('[data-testid=remaining-before]').first().textContent())?.trim()).to.equal(kr('37500000'));
    // The engine's words, as the command line prints them: the instrument by name, amounts in Norwegian format.
    expect(await preview.locator('[data-testid=refusal]').textContent())
      .to.include('Rammen for Nytt tilskudd til ekspertbistand 2025')
      .and.include(`Høyst ${kr('37500000')} kan flyttes`);
    await page.locator('ia-reallocation-form').screenshot({ path: path.join(RESULTS, 'styring-avvist.png') });
    await page.getByRole('button', { name: 'Omdisponer' }).click();
    await page.locator('ia-notifier .error', { hasText: 'Omdisponeringen avvises' }).waitFor();

    await page.getByLabel('Navn på den nye versjonen').fill('Revidert nasjonalbudsjett 2025');
    await page.getByRole('button', { name: 'Lag versjonen' }).click();
    await page.locator('ia-notifier .success', { hasText: 'Revidert nasjonalbudsjett 2025' }).waitFor();
    expect(await page.locator('ia-version-list li[data-version=revidert-nasjonalbudsjett-2025]').textContent()).to.include(
      'i bruk',
    );

    await proposeMove(page, 2025, 'ekspertbistand', 'kompetansetiltak', '10 000 000,00', 'Flere saker enn ventet');
    await preview.locator('.allowed').waitFor();
    expect((await preview.locator('[data-testid=year-total]').textContent())?.trim()).to.equal(kr('271000000'));
    await page.getByRole('button', { name: 'Omdisponer' }).click();
    await page.locator('ia-notifier .success', { hasText: `Sum rammer 2025: ${kr('271000000')}` }).waitFor();

    await page.getByRole('button', { name: 'Sammenlign' }).click();
    const comparison = page.locator('ia-version-compare [data-testid=comparison]');
    await comparison.locator('li').first().waitFor();
    expect(await comparison.locator('li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset['key']))).to.deep.equal([
      'ekspertbistand:2025-2025',
      'kompetansetiltak:2025-2025',
    ]);
    expect(await comparison.textContent()).to.include(`${kr('50000000')} → ${kr('40000000')}`);

    await page.locator('ia-nav').getByRole('tab', { name: 'Oversikt' }).click();
    const totals = await page.locator('ia-frame-table tfoot tr').first().locator('td').allTextContents();
    expect(totals[2025 - 2019]!.trim()).to.equal(kr('271000000'));
    expect(
      await page
        .locator('ia-frame-table tbody tr')
        .nth(3)
        .locator('td')
        .nth(2025 - 2019)
        .textContent(),
    ).to.include(kr('40000000'));
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Rammer' }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Rammer]').textContent()).to.include(
      formatMoney(Money.of('40000000'), { currency: false }),
    );

    await openGovernance(page);
    const version = page.locator('ia-version-list li[data-version=revidert-nasjonalbudsjett-2025]');
    await version.getByRole('button', { name: /Send inn/ }).click();
    await version.getByRole('button', { name: /Godkjenn/ }).click();
    await page.locator('ia-version-list li[data-status=approved]').waitFor();
    await proposeMove(page, 2025, 'ekspertbistand', 'kompetansetiltak', '1 000,00', 'En endring til');
    await page.getByRole('button', { name: 'Omdisponer' }).click();
    await page.locator('ia-notifier .error', { hasText: 'er godkjent og kan ikke endres' }).waitFor();

    expect(await chainText(page)).to.equal('✓ Loggen er ubrutt (5 oppføringer).');
    // The head to keep: entry 5 and its 64 hex digits, as `ia-planner log --expect` takes it.
    expect((await page.locator('ia-change-log [data-testid=log-head]').textContent())?.trim()).to.match(
      /^Logghode 5:[0-9a-f]{64}\. Noter det i referatet: «ia-planner log --expect 5:[0-9a-f]{64}»/,
    );
    const actions = await page
      .locator('ia-change-log li')
      .evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset['action']));
    expect(actions).to.deep.equal(['version_status', 'version_status', 'reallocation', 'version_created', 'ledger_imported']);
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Logg' }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Logg]').textContent())
      .to.include('Omdisponering')
      .and.include('Kari Nordmann');
    expect(errors).to.deep.equal([]);
  });

  it('records the SKIL condition as a decision: the flag goes, the log has it, and a tampered log is reported', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await setName(page, 'Ola Nordmann');
    await importFile(page, fixture('forbruk-overforbruk.csv'));
    await reconcileAt(page, '2024-12-31');
    const skil = page.locator('ia-reconcile-view li.flagged-row[data-instrument=skil]');
    expect(await skil.textContent()).to.include('betingelse ikke bekreftet');

    await openGovernance(page);
    await page.locator('ia-condition-form #c-why').fill('Vurdert mot statsstøtteregelverket av juridisk avdeling');
    await page.getByRole('button', { name: 'Bekreft betingelsen' }).click();
    await page.locator('ia-notifier .success', { hasText: /Betingelsen for .*\(SKIL\) 2019–2021 er bekreftet/ }).waitFor();
    await page.locator('ia-condition-form [data-testid=no-conditions]').waitFor();
    const entry = page.locator('ia-change-log li[data-action=condition_confirmed]');
    expect(await entry.textContent())
      .to.include('Betingelse bekreftet')
      .and.include('Ola Nordmann')
      .and.include('Vurdert mot statsstøtteregelverket');
    expect(await chainText(page)).to.include('Loggen er ubrutt');

    await page.locator('ia-nav').getByRole('tab', { name: 'Avstemming' }).click();
    expect(await page.locator('ia-reconcile-view li.flagged-row[data-instrument=skil]').count()).to.equal(0);
    expect(await page.locator('ia-reconcile-view ul').textContent()).not.to.include('betingelse ikke bekreftet');
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Rammer' }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Rammer] tbody tr', { hasText: 'skil' }).textContent()).to.include(
      'ja',
    );

    // Someone edits the decision's reason in the Logg sheet behind the task pane's back.
    await page.evaluate(async () => {
      const preview = document.querySelector('ia-preview') as unknown as {
        _port: {
          workbook: { tableData(n: string): { spec: unknown; rows: unknown[][] } };
          writeTables(t: unknown[]): Promise<void>;
        };
        _app: { reloadFromWorkbook(file: string): Promise<void> };
      };
      const logg = preview._port.workbook.tableData('Logg');
      const rows = logg.rows.map((r) =>
        r[5] === 'condition_confirmed' ? [...r.slice(0, 9), 'Ingen vurdering', ...r.slice(10)] : r,
      );
      await preview._port.writeTables([{ spec: logg.spec, rows }]);
      await preview._app.reloadFromWorkbook('plan');
    });
    await openGovernance(page);
    expect(await chainText(page))
      .to.include('Loggen er brutt ved oppføring 3')
      .and.include('innholdet er endret');
    expect(errors).to.deep.equal([]);
  });

  it('refuses a 2024 ledger line once 2024 is closed, and takes it after a recorded reopening', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320, { bypassCSP: true });
    await setName(page, 'Kari Nordmann');
    await openGovernance(page);
    const closing = page.locator('ia-year-closing');
    await closing.locator('#y-year').selectOption('2024');
    await closing.locator('#y-why').fill('Evalueringen for 2024 er vedtatt i koordineringsgruppen');
    await closing.getByRole('button', { name: 'Avslutt året' }).click();
    await closing.locator('[data-testid=closed-years]', { hasText: 'Avsluttede år: 2024.' }).waitFor();

    await importFile(page, fixture('forbruk-2024-sen.csv'));
    expect(await page.locator('ia-import-view [data-testid=import-result]').textContent()).to.include('ble avvist');
    const problem = page.locator('ia-import-view ia-problem-list li.problem');
    expect(await problem.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset['code']))).to.deep.equal(['year_closed']);
    expect([await problem.getAttribute('data-line'), await problem.getAttribute('data-column')]).to.deep.equal(['2', 'år']);
    expect(await problem.textContent()).to.include('2024');
    await page.locator('ia-nav').getByRole('tab', { name: 'Oversikt' }).click();
    expect(await page.locator('[data-testid=ledger-summary]').textContent()).to.include('Ingen forbruk');

    await openGovernance(page);
    await closing.locator('#y-year').selectOption('2024');
    await closing.locator('#y-why').fill('En sen postering må føres');
    await closing.getByRole('button', { name: 'Gjenåpne året' }).click();
    await closing.locator('[data-testid=closed-years]', { hasText: 'Ingen år er avsluttet.' }).waitFor();
    await importFile(page, fixture('forbruk-2024-sen.csv'));
    await page.locator('ia-import-view .result.ok').waitFor();
    await openGovernance(page);
    expect(await chainText(page)).to.equal('✓ Loggen er ubrutt (3 oppføringer).');
    await page.screenshot({ path: path.join(RESULTS, 'styring-320.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).to.be.at.most(0);
    expect(await checkAxe(page, 'Styring')).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('carries up to 5 % of the 2024 ekspertbistand frame into 2025 as Overført inn, and refuses once 2024 is closed', async function () {
    // forbruk-2024-ekspertbistand.csv disburses 18 000 000 + 12 000 000 kr of ekspertbistand 2024,
    // nothing committed: what is left is the frame less 30 000 000 kr, carried up to 5 % of the frame.
    const frame = embeddedPlan().frames.find(
      (f) => f.instrument === 'ekspertbistand' && f.from === 2024 && f.to === 2024,
    )!.amount!;
    const left = frame.minus(Money.of('18000000')).minus(Money.of('12000000'));
    const cap = Money.fromOre(frame.times('0.05').toOre());
    const expected = left.min(cap);
    expect(expected.toFixed2()).to.equal('2500000.00');

    const { page, errors } = await openPreview(suite.browser(), suite.url(), 320, { bypassCSP: true });
    await setName(page, 'Kari Nordmann');
    await importFile(page, fixture('forbruk-2024-ekspertbistand.csv'));
    await page.locator('ia-import-view .result.ok').waitFor();
    await openGovernance(page);

    const form = page.locator('ia-carry-over-form');
    await form.getByLabel('År', { exact: true }).selectOption('2024');
    await form.getByLabel('Virkemiddel', { exact: true }).selectOption('ekspertbistand');
    await form.getByLabel('Regel').selectOption('share');
    await form.getByLabel('Andel (f.eks. 5 % eller 0,05)').fill('5 %');
    await form.getByLabel('Overforbruk overføres').selectOption('nei');
    await form.getByLabel('Begrunnelse').fill('Statens 5 %-regel for driftsposter');
    const preview = form.locator('[data-testid=carry-over-preview]');
    await preview.locator('.allowed').waitFor();
    expect(await preview.textContent()).to.include('Overført inn 2025');
    expect((await preview.locator('[data-testid=carried-in]').textContent())?.trim()).to.equal(kr(expected.toFixed2()));

    // The same figure from a decimal share, keyboard only: the share field, then Enter submits.
    await form.getByLabel('Andel (f.eks. 5 % eller 0,05)').fill('0,05');
    await form.getByLabel('Andel (f.eks. 5 % eller 0,05)').press('Enter');
    await page.locator('ia-notifier .success', { hasText: `Overført inn 2025: ${kr(expected.toFixed2())}` }).waitFor();
    const entry = page.locator('ia-change-log li[data-action=carry_over_rule]');
    expect(await entry.textContent())
      .to.include('Kari Nordmann')
      .and.include('inntil 5 % av rammen overføres')
      .and.include('Statens 5 %-regel for driftsposter');
    expect(await chainText(page)).to.include('Loggen er ubrutt');

    const row = await avstemmingSheet(page);
    const cells = await row('ekspertbistand', 2025);
    expect(cells['Overført inn']).to.equal(formatMoney(expected, { currency: false }));
    expect(cells['Ramme']).to.equal(formatMoney(Money.of('50000000'), { currency: false }));
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Rammer' }).click();
    const rammer = await page
      .locator('ia-sheet-view table[data-table=Rammer] tbody tr', { hasText: 'ekspertbistand' })
      .filter({ hasText: 'andel' })
      .allTextContents();
    expect(rammer).to.have.length(1);
    expect(rammer[0]).to.include(formatPercent('0.05'));

    // Closing 2024 locks its frames: the same form is refused with the engine's reason, before and on submit.
    const closing = page.locator('ia-year-closing');
    await closing.locator('#y-year').selectOption('2024');
    await closing.locator('#y-why').fill('Evalueringen for 2024 er vedtatt');
    await closing.getByRole('button', { name: 'Avslutt året' }).click();
    await closing.locator('[data-testid=closed-years]', { hasText: 'Avsluttede år: 2024.' }).waitFor();
    await form.getByLabel('Regel').selectOption('all');
    await form.getByLabel('Begrunnelse').fill('Alt som er igjen');
    await preview.locator('[data-testid=refusal]', { hasText: '2024' }).waitFor();
    const refusal = ((await preview.locator('[data-testid=refusal]').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await form.getByRole('button', { name: 'Sett overføringsregelen' }).click();
    await page.locator('ia-notifier .error', { hasText: refusal.replace(/^⚠\s*/, '').slice(0, 40) }).waitFor();
    expect(await page.locator('ia-change-log li[data-action=carry_over_rule]').count()).to.equal(1);
    expect(await checkAxe(page, 'Styring')).to.deep.equal([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).to.be.at.most(0);
    expect(errors).to.deep.equal([]);
  });

  it('keeps every version’s frames in the saved workbook, so a later session compares with a version of an earlier one', async function () {
    const first = await openPreview(suite.browser(), suite.url());
    const page = first.page;
    await setName(page, 'Kari Nordmann');
    await openGovernance(page);
    await page.getByLabel('Navn på den nye versjonen').fill('Revidert nasjonalbudsjett 2025');
    await page.getByRole('button', { name: 'Lag versjonen' }).click();
    await page.locator('ia-notifier .success', { hasText: 'Revidert nasjonalbudsjett 2025' }).waitFor();
    await proposeMove(page, 2025, 'ekspertbistand', 'kompetansetiltak', '10 000 000,00', 'Flere saker enn ventet');
    await page.getByRole('button', { name: 'Omdisponer' }).click();
    await page.locator('ia-notifier .success', { hasText: 'Sum rammer 2025' }).waitFor();
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Styring' }).click();
    const stored = page
      .locator('ia-sheet-view table[data-table=Versjonsrammer] tbody tr')
      .filter({ has: page.locator('td', { hasText: /^\s*plan\s*$/ }) });
    expect(await stored.count()).to.equal(93);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lagre som .xlsx' }).click();
    const file = path.join(RESULTS, 'styring-versjoner.xlsx');
    await (await downloading).saveAs(file);
    expect(first.errors).to.deep.equal([]);

    // A new session: a fresh page opens the saved workbook through the preview's open button.
    const second = await openPreview(suite.browser(), suite.url());
    const later = second.page;
    await later.getByLabel('Åpne en planleggingsarbeidsbok (.xlsx)').setInputFiles(file);
    await openGovernance(later);
    const list = later.locator('ia-version-list');
    await list.locator('li[data-version=revidert-nasjonalbudsjett-2025]', { hasText: 'i bruk' }).waitFor();
    expect(await list.locator('li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset['version']))).to.deep.equal([
      'plan',
      'revidert-nasjonalbudsjett-2025',
    ]);
    const compare = later.locator('ia-version-compare');
    await compare.locator('#a').selectOption('plan');
    await compare.locator('#b').selectOption('revidert-nasjonalbudsjett-2025');
    await later.getByRole('button', { name: 'Sammenlign' }).click();
    const comparison = compare.locator('[data-testid=comparison]');
    await comparison.locator('li').first().waitFor();
    expect(await comparison.locator('li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset['key']))).to.deep.equal([
      'ekspertbistand:2025-2025',
      'kompetansetiltak:2025-2025',
    ]);
    expect(await comparison.textContent())
      .to.include(`${kr('50000000')} → ${kr('40000000')}`)
      .and.include(`${kr('70000000')} → ${kr('80000000')}`);
    expect(second.errors).to.deep.equal([]);
  });

  it('reads the Forbruk table again after rows were added in the workbook', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, fixture('forbruk-2025.csv'));
    await page.evaluate(async () => {
      const preview = document.querySelector('ia-preview') as unknown as {
        _port: {
          workbook: { tableData(n: string): { spec: unknown; rows: unknown[][] } };
          writeTables(t: unknown[]): Promise<void>;
        };
      };
      const forbruk = preview._port.workbook.tableData('Forbruk');
      const typed = [
        '2025-04-02',
        'U-2025-777',
        'ekspertbistand',
        'utbetaling',
        250000,
        null,
        2025,
        null,
        null,
        'Skrevet inn i Excel',
        null,
        null,
        null,
        null,
        // Forfall, Mottaker, Saksnummer.
        null,
        null,
        null,
      ];
      await preview._port.writeTables([{ spec: forbruk.spec, rows: [...forbruk.rows, typed] }]);
    });
    await page.getByRole('button', { name: 'Les Forbruk-tabellen på nytt' }).click();
    await page.locator('ia-import-view [data-testid=reread-result]', { hasText: '3 linjer er lest' }).waitFor();
    await page.locator('ia-nav').getByRole('tab', { name: 'Oversikt' }).click();
    expect(await page.locator('[data-testid=ledger-summary]').textContent()).to.include('3 linjer');
    expect(
      await page
        .locator('ia-frame-table tbody tr')
        .nth(3)
        .locator('td')
        .nth(2025 - 2019)
        .textContent(),
    ).to.include(kr('12750000'));
    expect(errors).to.deep.equal([]);
  });
});
