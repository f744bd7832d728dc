// The parts of nlp.js v4 we use; the packages ship no type declarations.

declare module '@nlpjs/basic' {
  /** nlp.js's dependency container: plugins (languages) and per-component settings. */
  export interface NlpjsContainer {
    use(plugin: unknown): void;
    registerConfiguration(tag: string, configuration: object, overwrite: boolean): void;
  }

  export interface NlpjsClassification {
    intent: string;
    score: number;
  }

  export interface NlpjsResult {
    locale: string;
    intent: string;
    score: number;
    classifications: NlpjsClassification[];
  }

  export interface NlpSettings {
    container: NlpjsContainer;
    languages: string[];
    autoLoad: boolean;
    autoSave: boolean;
    calculateSentiment: boolean;
    forceNER: boolean;
    threshold: number;
    nlu: { log: boolean; useNoneFeature?: boolean };
  }

  export function containerBootstrap(
    settings: Record<string, unknown>,
    mustLoadEnv: boolean,
  ): NlpjsContainer;

  export class Nlp {
    constructor(settings: NlpSettings);
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpjsResult>;
  }
}

declare module '@nlpjs/lang-id' {
  export const LangId: unknown;
}

declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
}
