/** The browser preview end to end: the plan at once, importing good and bad ledgers, reconciling, saving .xlsx. */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  embeddedPlan,
  embeddedState,
  formatMoney,
  INSTRUMENTS,
  isoDateOf,
  Ledger,
  Money,
  planningTables,
  reconcile,
  type IsoDate,
} from '../../engine/index.js';
import { ledgerLinesFromTable, readPlanTables } from '../../engine/workbook/index.js';
import { readXlsxTables } from '../../engine/workbook/xlsx/read-xlsx.js';
import { writeWorkbookFile } from '../../engine/workbook/xlsx/save-file.js';
import { readZip, replaceParts } from '../engine/workbook/forge-xlsx.js';
import { avstemmingSheet, fixture, openPreview, reconcileAt, RESULTS, ROOT, previewSuite } from './browser.js';

const EXAMPLE = path.join(ROOT, 'examples', 'forbruk-eksempel.csv');
const kr = (amount: string) => formatMoney(Money.of(amount));

function engineReconcile(file: string, asOf: string) {
  const plan = embeddedPlan();
  const ledger = new Ledger(plan);
  const report = ledger.addFile(path.basename(file), () => [readFileSync(file)]);
  return { report, result: reconcile(plan, ledger.lines, asOf as IsoDate) };
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
  await page.locator('ia-import-view input[type=file]').setInputFiles(file);
  await page.locator('ia-import-view [data-testid=import-result]').waitFor();
}

async function cellText(page: Page, instrument: string, year: number): Promise<string> {
  const names: string[] = INSTRUMENTS.map((i) => i.id);
  const row = page.locator('ia-frame-table tbody tr').nth(names.indexOf(instrument));
  const cells = row.locator('td');
  // Cells before the year: gaps and frames each take one column, except the 2019–2021 pool.
  const index = instrument === 'skil' ? (year <= 2021 ? 0 : year - 2021) : year - 2019;
  return (await cells.nth(index).textContent()) ?? '';
}

describe('the browser preview', function () {
  this.timeout(240_000);
  const suite = previewSuite();

  it('loads with no console errors and shows every instrument and the yearly totals', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    const table = page.locator('ia-frame-table table');
    for (const instrument of INSTRUMENTS) expect(await table.textContent()).to.include(instrument.name);
    const totals = await page.locator('ia-frame-table tfoot tr').first().locator('td').allTextContents();
    expect(totals.map((t) => t.trim()).slice(0, 2)).to.deep.equal([
      formatMoney(Money.of('273000000')),
      formatMoney(Money.of('271000000')),
    ]);
    expect(totals[0]!.trim()).to.equal('273\u00a0000\u00a0000,00\u00a0kr');
    expect(await page.locator('ia-overview-view .welcome').textContent()).to.include('Velkommen til IA Planner');
    expect((await page.locator('ia-sheet-view [role=tab]').allTextContents()).map((t) => t.trim())).to.include.members([
      'Rammer',
      'Forbruk',
      'Avstemming',
    ]);
    await page.screenshot({ path: path.join(RESULTS, 'oversikt.png') });
    expect(errors).to.deep.equal([]);
  });

  it('imports a good ledger through the file input and updates the overview and the Forbruk sheet', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, EXAMPLE);
    const { report, result } = engineReconcile(EXAMPLE, isoDateOf(new Date()));
    const resultText = await page.locator('ia-import-view [data-testid=import-result]').textContent();
    expect(resultText).to.include(`${report.imported} linjer importert`);
    await page.screenshot({ path: path.join(RESULTS, 'importer-forbruk.png') });
    await page.locator('ia-nav').getByRole('tab', { name: 'Oversikt' }).click();
    expect(await page.locator('[data-testid=ledger-summary]').textContent()).to.include(`${report.imported} linjer`);
    const row = result.rows.find((r) => r.instrument === 'ekspertbistand' && r.from === 2024)!;
    expect(await cellText(page, 'ekspertbistand', 2024)).to.include(formatMoney(row.spent));
    await page.locator('ia-sheet-view [role=tab]', { hasText: 'Forbruk' }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Forbruk] tbody tr').count()).to.equal(report.imported);
    expect(errors).to.deep.equal([]);
  });

  it('lists every error of a bad ledger with its line and column and changes nothing', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, fixture('forbruk-feil.csv'));
    const problems = page.locator('ia-problem-list li.problem');
    const found = await problems.evaluateAll((rows) =>
      rows.map((r) => `${(r as HTMLElement).dataset['line']}:${(r as HTMLElement).dataset['column']}`),
    );
    expect(found).to.deep.equal(['3:dato', '4:beløp', '5:virkemiddel']);
    expect(await problems.nth(1).textContent()).to.include('12,3,4');
    await page.screenshot({ path: path.join(RESULTS, 'importer-feil.png') });
    await page.locator('ia-nav').getByRole('tab', { name: 'Oversikt' }).click();
    expect(await page.locator('[data-testid=ledger-summary]').textContent()).to.include('Ingen forbruk');
    expect(await page.locator('ia-sheet-view table[data-table=Forbruk] tbody tr').count()).to.equal(0);
    await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
    await page.getByRole('button', { name: 'Ta med bare de gyldige linjene' }).click();
    await page.locator('ia-import-view .result.ok').waitFor();
    expect(await page.locator('ia-import-view .result.ok').textContent()).to.include('2 linjer importert');
    // What was left out is said with what was taken, and the list is titled as lines left out (issue 14, item 7).
    expect(await page.locator('ia-import-view [data-testid=skipped]').textContent()).to.include(
      '3 linjer med feil er utelatt og ikke importert.',
    );
    expect(await page.locator('ia-import-view ia-problem-list h3').textContent()).to.include('Linjer som er utelatt (3)');
    expect(errors).to.deep.equal([]);
  });

  it('shows the flags of a ledger that overspends and points at the row in the sheet', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, fixture('forbruk-overforbruk.csv'));
    await reconcileAt(page, '2024-12-31');
    const flagged = page.locator('ia-reconcile-view li.flagged-row');
    await flagged.first().waitFor();
    const { result } = engineReconcile(fixture('forbruk-overforbruk.csv'), '2024-12-31');
    const expected = result.rows.filter((r) => r.flags.length > 0);
    expect(await flagged.count()).to.equal(expected.length);
    const over = flagged.filter({ hasText: 'Nytt tilskudd til ekspertbistand, 2024' });
    expect(await over.textContent()).to.include('over rammen');
    expect(await page.locator('ia-reconcile-view ul').textContent())
      .to.include('ingen statlig ramme')
      .and.include('betingelse ikke bekreftet');
    await over.getByRole('button').click();
    const index = result.rows.indexOf(expected.find((r) => r.instrument === 'ekspertbistand')!) + 1;
    await page.locator(`ia-sheet-view table[data-table=Avstemming] tr.highlight[data-row="${index}"]`).waitFor();
    await page.screenshot({ path: path.join(RESULTS, 'avstemming.png') });
    expect(errors).to.deep.equal([]);
  });

  it('shows the state accounts’ 2650.76 money as not placed, names both instruments, and points at Konteringsregler', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    // DFØ's file as it comes: ISO-8859-1, every field quoted, three decimals (issue 11).
    await importFile(page, path.join(ROOT, 'examples', 'dfo', 'statsregnskapet_aar_2020.csv'));
    await reconcileAt(page, '2020-12-31');
    const row = page.locator('ia-reconcile-view li.unallocated-row');
    await row.first().waitFor();
    expect(await row.count()).to.equal(1);
    expect(await row.textContent()).to.include(
      '2650.76 2020: 3\u00a0400\u00a0000,00\u00a0kr (utbetalinger, 12 linjer) – fordeles mellom Nytt tilskudd til ekspertbistand og Kompetansetiltak – forsøk når andelene er satt',
    );
    await row.getByRole('button', { name: /Vis Konteringsregler/ }).click();
    // 2650.76's first rule is the third row of the embedded rules.
    await page.locator('ia-sheet-view table[data-table=Konteringsregler] tr.highlight[data-row="3"]').waitFor();

    // Shares that do not add up are refused by the engine, naming the rows; nothing is placed.
    await row.getByLabel('Andel til Nytt tilskudd til ekspertbistand').fill('60 %');
    await row.getByLabel('Andel til Kompetansetiltak – forsøk').fill('30 %');
    await row.getByRole('button', { name: /Lagre andelene/ }).click();
    await page.locator('ia-notifier .error', { hasText: 'Andelene går ikke opp i 1' }).waitFor();
    expect(await page.locator('ia-reconcile-view li.unallocated-row').count()).to.equal(1);
    // 60 % and 40 %: the 3 400 000,00 kr land on the two instruments, written where Excel keeps the rules.
    await row.getByLabel('Andel til Kompetansetiltak – forsøk').fill('40 %');
    await row.getByRole('button', { name: /Lagre andelene/ }).click();
    await page.locator('ia-notifier .success', { hasText: 'Andelene for post 2650.76 er lagret i Konteringsregler' }).waitFor();
    await page.locator('ia-reconcile-view li.unallocated-row').waitFor({ state: 'detached' });
    const regler = page.locator('ia-sheet-view table[data-table=Konteringsregler]');
    expect(await regler.textContent())
      .to.include('0,6')
      .and.include('0,4');
    await page.locator('ia-sheet-view').getByRole('tab', { name: 'Avstemming', exact: true }).click();
    const avstemming = await page.locator('ia-sheet-view table[data-table=Avstemming]').textContent();
    expect(avstemming).to.include('2\u00a0040\u00a0000,00').and.include('1\u00a0360\u00a0000,00');
    expect(errors).to.deep.equal([]);
  });

  it('opens on the agreement’s frames against the state accounts 2019–2025 and the appropriations, says it is an example, and starts without it on request', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url(), 1280, { example: true });
    const note = page.locator('ia-preview [data-testid=example-note]');
    expect(await note.textContent()).to.include('Eksempel: rammene i avtalen mot statsregnskapet 2019–2025');
    // Oversikt: what the state spent under the frames, per year (2020: 601.71 70 000 000,00 kr and 601.22 6 100 000,00 kr
    // placed, 2650.76 3 400 000,00 kr kept unallocated until its split is set).
    const spent = page.locator('ia-frame-table tfoot tr').nth(1);
    await spent.waitFor();
    const spentCells = (await spent.locator('td').allTextContents()).map((t) => t.trim());
    expect(spentCells.slice(0, 2)).to.deep.equal([formatMoney(Money.of('56700000')), formatMoney(Money.of('76100000'))]);
    await page.locator('ia-nav').getByRole('tab', { name: 'Avstemming' }).click();
    const row = page.locator('ia-reconcile-view li.appropriation-row[data-post="2650.76"][data-year="2020"]');
    expect((await row.textContent())!.replace(/[ \n\t]+/g, ' ')).to.include(
      '2020: 102\u00a0000\u00a0000,00\u00a0kr bevilget, 3\u00a0400\u00a0000,00\u00a0kr brukt',
    );
    const tabs = page.locator('ia-sheet-view [role=tab]');
    expect((await tabs.allTextContents()).map((t) => t.trim())).to.include.members(['Forbruk', 'Bevilgning']);
    await page.locator('ia-preview').screenshot({ path: path.join(RESULTS, 'forhandsvisning-eksempel.png') });

    await page.getByRole('button', { name: 'Start uten eksempeldata' }).click();
    await page.locator('ia-notifier .success', { hasText: 'bare den innebygde planen' }).waitFor();
    expect(await note.count()).to.equal(0);
    expect(await page.locator('ia-sheet-view [role=tab]', { hasText: 'Bevilgning' }).count()).to.equal(0);
    expect(await page.locator('ia-reconcile-view li.appropriation-row').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
  });

  it('adds a mapping rule typed in Avstemming through the engine: a bad account is refused naming the row, a rule for 2650.76 in 2020 places its 3 400 000,00 kr', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, path.join(ROOT, 'examples', 'dfo', 'statsregnskapet_aar_2020.csv'));
    await reconcileAt(page, '2020-12-31');
    await page.locator('ia-reconcile-view li.unallocated-row').waitFor();
    const form = page.locator('ia-reconcile-view form.rule');
    await form.getByLabel('Konto (eller starten fulgt av *)').fill('8 7');
    await form.getByLabel('Virkemiddel').selectOption('bransjeprogrammer');
    await form.getByRole('button', { name: 'Legg til regelen' }).click();
    await page.locator('ia-notifier .error', { hasText: 'kolonne Konto: Ugyldig konto' }).waitFor();
    await form.getByLabel('Konto (eller starten fulgt av *)').fill('');
    await form.getByLabel('Kapittel').fill('2650');
    await form.getByLabel('Post', { exact: true }).fill('76');
    await form.getByLabel('Fra år').fill('2020');
    await form.getByLabel('Til år').fill('2020');
    await form.getByLabel('Virkemiddel').selectOption('kompetansetiltak');
    await form.getByLabel('Begrunnelse (til endringsloggen)').fill('Hele 2020 var forsøk');
    await form.getByRole('button', { name: 'Legg til regelen' }).click();
    await page
      .locator('ia-notifier .success', {
        hasText: 'Regelen 2650.76, 2020–2020: Kompetansetiltak – forsøk er lagt til i Konteringsregler.',
      })
      .waitFor();
    await page.locator('ia-reconcile-view li.unallocated-row').waitFor({ state: 'detached' });
    const row = await avstemmingSheet(page);
    expect((await row('kompetansetiltak', 2020))['Utbetalt']).to.equal(formatMoney(Money.of('3400000'), { currency: false }));
    await page.locator('ia-sheet-view').getByRole('tab', { name: 'Logg', exact: true }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Logg]').textContent()).to.include('Hele 2020 var forsøk');
    expect(errors).to.deep.equal([]);
  });

  it('imports the files a finance officer has: an .xlsx ledger, and an agency’s SAF-T file whose lines are outside the plan until a rule on account, dimension and organisation places them', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, path.join(ROOT, 'examples', 'forbruk-eksempel.xlsx'));
    const input = page.locator('ia-import-view input[type=file]');
    expect(await input.getAttribute('accept'))
      .to.include('.xlsx')
      .and.include('.xml');
    const result = page.locator('ia-import-view [data-testid=import-result]');
    expect((await result.textContent())!.trim()).to.match(
      /^forbruk-eksempel\.xlsx: \d+ linjer importert, 0 duplikater hoppet over\.$/,
    );

    const saft = path.join(ROOT, 'examples', 'saft', 'SAF-T_Financial_974761211_20250131093000.xml');
    await input.setInputFiles(saft);
    await result.filter({ hasText: 'SAF-T_Financial' }).waitFor();
    expect(await result.textContent()).to.include('SAF-T_Financial_974761211_20250131093000.xml: 0 linjer importert');
    expect(await result.locator('[data-testid=outside]').textContent()).to.match(
      /linjer utenfor planen \(.+kr\) er telt og ikke importert/,
    );

    await page.locator('ia-nav').getByRole('tab', { name: 'Avstemming' }).click();
    const form = page.locator('ia-reconcile-view form.rule');
    await form.getByLabel('Konto (eller starten fulgt av *)').fill('8720');
    await form.getByLabel('Dimensjon (TYPE=ID)').fill('PROSJEKT=BRANSJE-SYKEHUS');
    await form.getByLabel('Virksomhet (organisasjonsnummer)').fill('974761211');
    await form.getByLabel('Fra år').fill('2024');
    await form.getByLabel('Til år').fill('2025');
    await form.getByLabel('Virkemiddel').selectOption('bransjeprogrammer');
    await form.getByRole('button', { name: 'Legg til regelen' }).click();
    await page.locator('ia-notifier .success', { hasText: 'er lagt til i Konteringsregler' }).waitFor();

    await page.locator('ia-nav').getByRole('tab', { name: 'Importer forbruk' }).click();
    await input.setInputFiles(saft);
    await result.filter({ hasText: 'SAF-T_Financial' }).waitFor();
    const placed = Number(/(\d+) linjer importert/.exec((await result.textContent())!)?.[1]);
    expect(placed).to.be.greaterThan(0);
    await page.locator('ia-sheet-view').getByRole('tab', { name: 'Forbruk', exact: true }).click();
    expect(
      await page.locator('ia-sheet-view table[data-table=Forbruk] tbody tr', { hasText: 'bransjeprogrammer' }).count(),
    ).to.be.greaterThan(placed - 1);
    expect(errors).to.deep.equal([]);
  });

  it('shows the commitments register in Tilsagn: 2024 per instrument with what falls due when, the oldest open commitment flagged for follow-up, and the Tilsagn sheet', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, path.join(ROOT, 'examples', 'tilsagn', 'tilsagn-eksempel.csv'));
    await page.locator('ia-nav').getByRole('tab', { name: 'Tilsagn' }).click();
    const view = page.locator('ia-commitments-view');
    await view.getByLabel('År').selectOption('2024');
    await view.locator('[role=status]', { hasText: 'Tilsagn 2024' }).waitFor();
    const text = async (selector: string) => ((await view.locator(selector).textContent()) ?? '').replace(/[ \n\t]+/g, ' ');
    const ekspert = await text('li.group[data-instrument=ekspertbistand]');
    expect(ekspert)
      .to.include(`Nye i året ${kr('1350000')}`)
      .and.include(`Åpne ved slutten ${kr('1250000')}`)
      .and.include(`Forfalt 2024 ${kr('300000')}`)
      .and.include(`Forfall 2025 ${kr('650000')}`)
      .and.include(`Forfall 2026 ${kr('300000')}`);
    expect(await text('li.group[data-instrument=kompetansetiltak]')).to.include(`Forfall ukjent ${kr('249999.50')}`);
    const open = view.locator('li.open-commitment');
    expect(await open.evaluateAll((items) => items.map((i) => i.getAttribute('data-voucher')))).to.deep.equal([
      'T-2023-017',
      'T-2024-005',
      'T-2024-001',
    ]);
    expect(await text('li.open-commitment[data-voucher=T-2023-017]'))
      .to.include('følg opp')
      .and.include('Eksempel Helse KF')
      .and.include('19 mnd.');
    expect(await view.locator('li.open-commitment.warn').count()).to.equal(1);
    await view.screenshot({ path: path.join(RESULTS, 'tilsagn.png') });
    await page.locator('ia-sheet-view').getByRole('tab', { name: 'Tilsagn', exact: true }).click();
    expect(await page.locator('ia-sheet-view table[data-table=Tilsagn]').textContent()).to.include('ekspertbistand');
    expect(errors).to.deep.equal([]);
  });

  it('imports DFØ’s appropriation history beside the state accounts: Avstemming shows 2650.76 in 2020 as 102 000 000,00 kr appropriated and 3 400 000,00 kr spent, written to Bevilgning', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, path.join(ROOT, 'examples', 'dfo', 'statsregnskapet_aar_2020.csv'));
    const input = page.locator('ia-import-view input[type=file]');
    // A history with an unreadable amount is refused with the engine's problem and writes nothing.
    await input.setInputFiles({
      name: 'bevilgninger-feil.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '"År";"Post_id";"Bevilgning_beløp";"Bevilgning"\r\n"2020";"265076";"mange";"Saldert budsjett 2020"\r\n',
        'latin1',
      ),
    });
    const result = page.locator('ia-import-view [data-testid=appropriations-result]');
    await result.filter({ hasText: 'bevilgninger-feil.csv' }).waitFor();
    const problem = page.locator('ia-import-view ia-problem-list li.problem');
    expect(await problem.count()).to.equal(1);
    expect([await problem.getAttribute('data-line'), await problem.getAttribute('data-column')]).to.deep.equal([
      '2',
      'Bevilgning_beløp',
    ]);
    expect(await problem.locator('.value').textContent()).to.equal('mange');
    expect(await page.locator('ia-sheet-view [role=tab]', { hasText: 'Bevilgning' }).count()).to.equal(0);

    await input.setInputFiles(path.join(ROOT, 'examples', 'dfo', 'bevilgninger_full_historikk.csv'));
    await result.filter({ hasText: 'bevilgningsvedtak lest' }).waitFor();
    await reconcileAt(page, '2020-12-31');
    const row = page.locator('ia-reconcile-view li.appropriation-row[data-post="2650.76"][data-year="2020"]');
    await row.waitFor();
    expect((await row.textContent())!.replace(/[ \n\t]+/g, ' ')).to.include(
      '2020: 102\u00a0000\u00a0000,00\u00a0kr bevilget, 3\u00a0400\u00a0000,00\u00a0kr brukt',
    );
    expect(await row.textContent()).to.include('98\u00a0600\u00a0000,00\u00a0kr');
    await row.getByRole('button', { name: /Vis/ }).click();
    const sheet = page.locator('ia-sheet-view table[data-table=Bevilgning]');
    await sheet.locator('tr.highlight').waitFor();
    expect(await sheet.locator('tr.highlight').textContent())
      .to.include('2650')
      .and.include('2020');
    await page
      .locator('ia-reconcile-view ul.appropriations[aria-label="2650.76"]')
      .screenshot({ path: path.join(RESULTS, 'avstemming-bevilgning.png') });
    expect(errors).to.deep.equal([]);
  });

  it('saves an .xlsx that the engine reads back to the same figures, and opens it again', async function () {
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await importFile(page, EXAMPLE);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Lagre som .xlsx' }).click();
    const file = path.join(RESULTS, 'ia-planlegging.xlsx');
    await (await downloading).saveAs(file);
    const tables = await readXlsxTables(file);
    const reading = readPlanTables(tables.get('rammer') ?? null, tables.get('poster') ?? null, 'ia-planlegging.xlsx');
    expect(reading.problems).to.deep.equal([]);
    const plan = reading.plan!;
    expect(plan.frames.map((f) => `${f.instrument}:${f.from}-${f.to}=${f.amount?.toFixed2() ?? null}`)).to.deep.equal(
      embeddedPlan().frames.map((f) => `${f.instrument}:${f.from}-${f.to}=${f.amount?.toFixed2() ?? null}`),
    );
    const asOf = isoDateOf(new Date());
    const back = ledgerLinesFromTable(tables.get('forbruk')!, plan, 'ia-planlegging.xlsx');
    expect(back.problems).to.deep.equal([]);
    const { result: original } = engineReconcile(EXAMPLE, asOf);
    const reread = reconcile(plan, back.lines, asOf);
    expect(reread.rows.map((r) => [r.spent.toFixed2(), r.openCommitments.toFixed2(), r.flags.join()])).to.deep.equal(
      original.rows.map((r) => [r.spent.toFixed2(), r.openCommitments.toFixed2(), r.flags.join()]),
    );
    const avstemming = tables.get('avstemming')!;
    const utbetalt = avstemming.header.indexOf('Utbetalt');
    expect(avstemming.rows.map((r) => Money.of(Number(r[utbetalt] ?? 0).toFixed(2)).toFixed2())).to.deep.equal(
      original.rows.map((r) => r.spent.toFixed2()),
    );

    const fresh = await openPreview(suite.browser(), suite.url());
    await fresh.page.locator('ia-preview input[type=file]').setInputFiles(file);
    await fresh.page.locator('[data-testid=ledger-summary]', { hasText: `${back.lines.length} linjer` }).waitFor();
    expect(fresh.errors).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });

  it('refuses to open a workbook whose Poster table reaches over the whole sheet, naming the file, and keeps the tables it showed', async function () {
    const file = path.join(RESULTS, 'poster-vid.xlsx');
    await writeWorkbookFile(file, planningTables(embeddedState(), { asOf: '2024-12-31' as IsoDate, lang: 'nb' }), {
      overwrite: true,
    });
    const zip = readFileSync(file);
    const [part, xml] = [...readZip(zip)].find(([, data]) => data.toString().includes('name="Poster"'))!;
    writeFileSync(file, replaceParts(zip, { [part]: xml.toString().replace(/ref="A1:D\d+"/, 'ref="A1:XFD1048576"') }));
    const { page, errors } = await openPreview(suite.browser(), suite.url());
    await page.locator('[data-testid=ledger-summary]').waitFor();
    const before = await page.locator('ia-sheet-view').innerText();
    await page.locator('ia-preview input[type=file]').setInputFiles(file);
    const refusal = page.locator('ia-notifier .error', { hasText: 'poster-vid.xlsx, ark Poster, rad 1' });
    await refusal.waitFor();
    expect(await refusal.innerText()).to.contain('Verdien «Poster A1:XFD1048576: brukt område A1:N5»');
    expect(await page.locator('ia-sheet-view').innerText()).to.equal(before);
    expect(errors).to.deep.equal([]);
  });
});
