// Builds the Excel add-in: the task pane, the custom functions, the ribbon commands and the browser
// preview. `webpack --mode production` writes dist/ for the address in ADDIN_URL (required, see
// `addinUrl`); `webpack serve --mode development` serves https://localhost:3000 with certificates
// from office-addin-dev-certs in .certs/ (git-ignored).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = 'https://localhost:3000/';
const CERT_DIR = path.join(root, '.certs');
const CERTS = {
  ca: path.join(CERT_DIR, 'ca.crt'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  key: path.join(CERT_DIR, 'localhost.key'),
};

// Every page allows scripts only from our own origin and Microsoft's office.js CDN, and no eval.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Certificates for the dev server, generated once into .certs/ (works offline, no sudo). */
async function devCertificates() {
  if (!existsSync(CERTS.cert) || !existsSync(CERTS.key)) {
    mkdirSync(CERT_DIR, { recursive: true });
    const { generateCertificates } = await import('office-addin-dev-certs');
    await generateCertificates(CERTS.ca, CERTS.cert, CERTS.key, 30, ['127.0.0.1', 'localhost']);
  }
  console.log(
    [
      '',
      'IA Planner: utviklingsserveren bruker sertifikater i .certs/.',
      'Stol på utviklings-CA-en én gang (krever administratorrettigheter):',
      '  Windows: certutil -user -addstore Root .certs\\ca.crt',
      '  macOS:   security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db .certs/ca.crt',
      '  Linux:   sudo cp .certs/ca.crt /usr/local/share/ca-certificates/ia-planner-dev.crt && sudo update-ca-certificates',
      '',
    ].join('\n'),
  );
  return { ca: readFileSync(CERTS.ca), cert: readFileSync(CERTS.cert), key: readFileSync(CERTS.key) };
}

/** A build error of ours: the message alone, without a stack trace (it is about the input, not the code). */
function buildError(lines) {
  const error = new Error(lines.join('\n'));
  error.stack = error.message;
  return error;
}

/**
 * The address a production build's manifest points at: `--env ADDIN_URL=…` or the ADDIN_URL
 * environment variable, an absolute https URL (Office loads add-ins over https only) without query,
 * fragment or credentials, ending in `/`. There is no default: a production build without it
 * would ship a manifest that points at the dev server, so it stops and says what to set. A
 * development build serves https://localhost:3000/ and needs none.
 */
export function addinUrl(value) {
  const example =
    'ADDIN_URL=https://planner.example.no/ia/ npm run build   (eller/or: npm run build -- --env ADDIN_URL=https://planner.example.no/ia/)';
  if (typeof value !== 'string' || value.trim() === '') {
    throw buildError([
      'IA Planner: produksjonsbygget trenger tilleggets adresse i ADDIN_URL; uten den ville dist/manifest.xml peke på https://localhost:3000/.',
      "IA Planner: the production build needs the add-in's address in ADDIN_URL; without it dist/manifest.xml would point at https://localhost:3000/.",
      `  ${example}`,
    ]);
  }
  const url = URL.canParse(value.trim()) ? new URL(value.trim()) : null;
  if (!url || url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    throw buildError([
      `IA Planner: ADDIN_URL må være en https-adresse uten spørring eller fragment, ikke «${value}».`,
      `IA Planner: ADDIN_URL must be an https address without query or fragment, not “${value}”.`,
      `  ${example}`,
    ]);
  }
  return url.href.replace(/\/?$/, '/');
}

/** An HTML page; the task pane page also hosts the functions and commands (one shared runtime). */
function page(filename, template, chunks) {
  return new HtmlWebpackPlugin({ filename, template, chunks, chunksSortMode: 'manual', scriptLoading: 'defer' });
}

export default async (env, argv) => {
  const isDev = argv.mode !== 'production';
  const isServe = Boolean(env?.WEBPACK_SERVE);
  const productionUrl = isDev ? DEV_URL : addinUrl(env?.ADDIN_URL ?? process.env.ADDIN_URL);
  return {
    mode: isDev ? 'development' : 'production',
    // No eval-based source maps: the pages' CSP forbids eval.
    devtool: isDev ? 'source-map' : false,
    context: root,
    entry: {
      taskpane: './addin/taskpane/index.ts',
      functions: './addin/functions/functions.ts',
      commands: './addin/commands/commands.ts',
      preview: './addin/preview/index.ts',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; the bundle build only transpiles (2 shared cores).
            options: { transpileOnly: true, compilerOptions: { sourceMap: isDev } },
          },
        },
        // The shipped DFØ examples the preview opens on: their bytes as data: URLs (ISO-8859-1, so not as text).
        { test: /examples[\\/]dfo[\\/][^\\/]+\.csv$/, type: 'asset/inline' },
      ],
    },
    performance: { hints: false },
    // The task pane page hosts the task pane, the functions and the commands in one runtime: one
    // webpack runtime and shared chunks, so the engine is loaded (and instantiated) once per page.
    optimization: {
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all', minSize: 20_000 },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: './addin/functions/functions.ts', output: 'functions.json' }),
      page('taskpane.html', './addin/taskpane/taskpane.html', ['taskpane', 'functions', 'commands']),
      page('functions.html', './addin/functions/functions.html', ['functions']),
      page('commands.html', './addin/commands/commands.html', ['commands']),
      page('preview.html', './addin/preview/preview.html', ['preview']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (isDev ? content : content.toString().replaceAll(DEV_URL, productionUrl)),
          },
        ],
      }),
    ],
    devServer: isServe
      ? {
          port: 3000,
          hot: false,
          liveReload: true,
          client: { overlay: false },
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await devCertificates() },
          static: false,
        }
      : undefined,
  };
};
