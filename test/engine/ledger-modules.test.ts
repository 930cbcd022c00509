import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';

// Scenario: the ledger's modules (engine/ledger/) import one another only one way: the line
// (line.ts) at the bottom, the readers above it, the ledger on top. A cycle would mean two modules
// that cannot be read, tested or loaded apart.

const dir = new URL('../../engine/ledger/', import.meta.url);

/** Each module of engine/ledger/ with the modules of the same folder it imports. */
function importsByModule(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(new URL(name, dir), 'utf8');
    const local = [...source.matchAll(/^(?:import|export)\b[^;]*?from '\.\/([\w-]+)\.js';/gms)].map((m) => `${m[1]}.ts`);
    graph.set(name, local);
  }
  return graph;
}

describe('engine/ledger modules', () => {
  it('import one another without a cycle', () => {
    const graph = importsByModule();
    const state = new Map<string, 'open' | 'done'>();
    const visit = (name: string, path: string[]): void => {
      if (state.get(name) === 'done') return;
      expect(state.get(name), `cycle: ${[...path, name].join(' → ')}`).to.not.equal('open');
      state.set(name, 'open');
      for (const next of graph.get(name) ?? []) visit(next, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of graph.keys()) visit(name, []);
  });

  it('keep the line at the bottom: line.ts imports nothing of the ledger, the readers do not import ledger.ts', () => {
    const graph = importsByModule();
    expect(graph.get('line.ts')).to.deep.equal([]);
    expect(graph.get('line-reader.ts')).to.not.include('ledger.ts');
    expect(graph.get('plain-line.ts')).to.not.include('ledger.ts');
    expect(graph.get('plain-line.ts')).to.not.include('line-reader.ts');
    expect(graph.get('line-reader.ts')).to.not.include('plain-line.ts');
  });
});
