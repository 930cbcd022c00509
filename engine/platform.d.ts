// The few platform globals the pure engine uses; present in Node, every browser and Excel's runtimes.
// Declared here so the engine compiles without the DOM or Node type libraries.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
