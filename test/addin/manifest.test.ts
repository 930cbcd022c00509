// manifest.xml checked offline: well-formed XML that office-addin-manifest reads, unique ids, every
// resid defined, every URL https and pointing at a file the build produces, the functions'
// namespace IA, the permissions and requirement sets the README names.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { SaxesParser } from 'saxes';

interface Element {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: Element[];
  text: string;
}

/** Parses XML strictly (saxes throws on anything not well-formed) into a small element tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false });
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  parser.on('opentag', (tag) => {
    const element: Element = {
      name: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: '',
    };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => (stack.at(-1)!.text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

function all(element: Element): Element[] {
  return [element, ...element.children.flatMap(all)];
}

const xml = readFileSync('manifest.xml', 'utf8');
const manifest = parseXml(xml);
const elements = all(manifest);
const named = (name: string) => elements.filter((e) => e.name === name);

describe('manifest.xml', () => {
  it('is well-formed XML read by office-addin-manifest as an Excel task pane add-in', async () => {
    const info = await OfficeAddinManifest.readManifestFile('manifest.xml');
    expect(info.id).to.equal('686b2410-d309-4ae5-a644-9bf81c61676a');
    expect(info.displayName).to.equal('IA Planner');
    expect(info.defaultLocale).to.equal('nb-NO');
    expect(info.officeAppType).to.equal('TaskPaneApp');
    expect(info.permissions).to.equal('ReadWriteDocument');
    expect(info.hosts).to.deep.equal(['Workbook']);
  });

  it('has a Norwegian display name and description with an English override', () => {
    const description = named('Description')[0]!;
    expect(description.attributes.DefaultValue).to.match(/IA-avtalen/);
    expect(description.children[0]!.attributes).to.include({ Locale: 'en-US' });
  });

  it('asks for ExcelApi 1.13, the shared runtime and the custom functions runtime', () => {
    const sets = Object.fromEntries(named('Set').map((s) => [s.attributes.Name, s.attributes.MinVersion]));
    expect(sets).to.deep.equal({ ExcelApi: '1.13', SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' });
    expect(named('Runtime')[0]!.attributes).to.deep.equal({ resid: 'Taskpane.Url', lifetime: 'long' });
  });

  it('gives each id once', () => {
    const ids = elements.map((e) => e.attributes.id).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('defines every resid it uses', () => {
    const defined = new Set(
      named('bt:Image')
        .concat(named('bt:Url'), named('bt:String'))
        .map((e) => e.attributes.id),
    );
    const used = elements.map((e) => e.attributes.resid).filter((id): id is string => id !== undefined);
    expect(used.length).to.be.greaterThan(10);
    for (const resid of used) expect(defined.has(resid), resid).to.equal(true);
  });

  it('uses https URLs only, each pointing at a file the build writes to dist/', () => {
    const urls = elements
      .flatMap((e) => Object.values(e.attributes))
      .filter((v) => /^[a-z]+:\/\//.test(v) && !v.includes('schemas.microsoft.com') && !v.includes('www.w3.org'));
    expect(urls.length).to.be.greaterThan(5);
    const produced = [
      'taskpane.html',
      'functions.js',
      'functions.json',
      'preview.html',
      'assets/icon-16.png',
      'assets/icon-32.png',
      'assets/icon-64.png',
      'assets/icon-80.png',
    ];
    for (const url of urls) {
      expect(url, url).to.match(/^https:\/\/localhost:3000\//);
      expect(produced, url).to.include(url.replace('https://localhost:3000/', ''));
    }
  });

  it('has the ribbon buttons Åpne IA Planner and Avstem nå', () => {
    const strings = Object.fromEntries(named('bt:String').map((s) => [s.attributes.id, s.attributes.DefaultValue]));
    expect(strings['OpenPane.Label']).to.equal('Åpne IA Planner');
    expect(strings['Reconcile.Label']).to.equal('Avstem nå');
    const actions = named('Action').map((a) => a.attributes['xsi:type']);
    expect(actions).to.deep.equal(['ShowTaskpane', 'ExecuteFunction']);
    expect(named('FunctionName')[0]!.text).to.equal('reconcileNow');
    expect(readFileSync('addin/commands/commands.ts', 'utf8')).to.include("associate('reconcileNow'");
  });

  it('names the custom functions namespace IA', () => {
    const namespace = named('Namespace')[0]!.attributes.resid!;
    const value = named('bt:String').find((s) => s.attributes.id === namespace)?.attributes.DefaultValue;
    expect(value).to.equal('IA');
  });

  it('ships the icons in 16, 32, 64 and 80 pixels as PNG', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(`assets/icon-${size}.png`);
      expect(png.subarray(1, 4).toString('ascii')).to.equal('PNG');
      expect(png.readUInt32BE(16)).to.equal(size);
      expect(png.readUInt32BE(20)).to.equal(size);
    }
  });
});
