/**
 * The state the preview opens on: the embedded plan with the shipped state accounts 2019–2025 for
 * the IA posts (`examples/dfo/`, DFØ's layout, annual sums as published) and the appropriation
 * history, read through the engine as the task pane's imports are, each logged. The files are in
 * the bundle (about 60 KB), so the preview needs no network.
 */
import { embeddedState, importFilesInState, type Lang, type NamedBytes, type PlanningState } from '../../engine/index.js';
import { t } from '../../engine/messages/ui.js';
import history from '../../examples/dfo/bevilgninger_full_historikk.csv';
import y2019 from '../../examples/dfo/statsregnskapet_aar_2019.csv';
import y2020 from '../../examples/dfo/statsregnskapet_aar_2020.csv';
import y2021 from '../../examples/dfo/statsregnskapet_aar_2021.csv';
import y2022 from '../../examples/dfo/statsregnskapet_aar_2022.csv';
import y2023 from '../../examples/dfo/statsregnskapet_aar_2023.csv';
import y2024 from '../../examples/dfo/statsregnskapet_aar_2024.csv';
import y2025 from '../../examples/dfo/statsregnskapet_aar_2025.csv';

const ACCOUNTS = [y2019, y2020, y2021, y2022, y2023, y2024, y2025];

/** The bytes of a bundled `data:…;base64,` URL. */
function bytesOf(dataUrl: string): Uint8Array {
  const text = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The example state; the embedded plan alone if the engine refused a shipped file (a test would have failed first). */
export function exampleState(lang: Lang, at: string): { readonly state: PlanningState; readonly refused: string | null } {
  const plan = embeddedState();
  const ledgers: NamedBytes[] = ACCOUNTS.map((url, i) => ({ name: `statsregnskapet_aar_${2019 + i}.csv`, bytes: bytesOf(url) }));
  const appropriations = { name: 'bevilgninger_full_historikk.csv', bytes: bytesOf(history) };
  const read = importFilesInState(plan, { ledgers, appropriations }, { who: t(lang, 'previewExampleAuthor'), at, lang });
  return read.state ? { state: read.state, refused: null } : { state: plan, refused: read.problems[0]?.message ?? '' };
}
