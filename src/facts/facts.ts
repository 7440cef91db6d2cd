// The validated dataset, indexed: what every document is built from.
import type { Problem } from '../errors.js';
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
import type { Folded } from './native-names.js';

/** Where a record was read from, so that messages and documents can name it. */
export interface Origin {
  file: string;
  line: number;
  col: number;
}

/** A record with the place it came from. */
export type Located<T> = T & { readonly origin: Origin };

/** A programme as documents read it: its name's `zh`/`pinyin` shorthand folded into `name.native`. */
export type ProgrammeFacts = Omit<Programme, 'name'> & { name: Folded<Programme['name']> };
/** A person as documents read them: `zh` folded into `native`. */
export type PersonFacts = Folded<Person>;
/** An organisation as documents read it: `zh`/`pinyin` folded into `native`. */
export type OrganisationFacts = Folded<Organisation>;

/** The whole dataset after validation: every reference resolves. */
export interface Facts {
  /** The data folder, absolute. */
  dataDir: string;
  meta: Meta;
  sources: Map<string, Located<Source>>;
  organisations: Map<string, Located<OrganisationFacts>>;
  people: Map<string, Located<PersonFacts>>;
  programmes: Map<string, Located<ProgrammeFacts>>;
  topics: Map<string, Located<Topic>>;
  claims: Map<string, Located<Claim>>;
  quotes: Map<string, Located<Quote>>;
  timeline: Map<string, Located<TimelineEvent>>;
  /** Derived: the claims that name each programme, in data order. */
  claimsByProgramme: Map<string, Located<Claim>[]>;
  /** Derived: the claims that name each topic, in data order. */
  claimsByTopic: Map<string, Located<Claim>[]>;
  /** What a careful reader would question but need not stop a build: each at its file:line:col. */
  warnings: Problem[];
}
