// The validated dataset, indexed: what every document is built from.
import type {
  Claim,
  Meta,
  Organisation,
  Person,
  Programme,
  Quote,
  Source,
  TimelineEvent,
  Topic,
} from './schema.js';

/** Where a record was read from, so that messages and documents can name it. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

/** A record with the place it came from. */
export type Located<T> = T & { readonly origin: Origin };

/** The whole dataset after validation: every reference resolves. */
export interface Facts {
  /** The data folder, absolute. */
  dataDir: string;
  meta: Meta;
  sources: Map<string, Located<Source>>;
  organisations: Map<string, Located<Organisation>>;
  people: Map<string, Located<Person>>;
  programmes: Map<string, Located<Programme>>;
  topics: Map<string, Located<Topic>>;
  claims: Map<string, Located<Claim>>;
  quotes: Map<string, Located<Quote>>;
  timeline: Map<string, Located<TimelineEvent>>;
  /** Derived: the claims that name each programme, in data order. */
  claimsByProgramme: Map<string, Located<Claim>[]>;
  /** Derived: the claims that name each topic, in data order. */
  claimsByTopic: Map<string, Located<Claim>[]>;
}
