// The data a disengagement scenario works on: what the request asks, and the part of the graph
// around the company that the simulation reads. Plain data, so the rules (simulate.ts) are
// pure functions that unit tests drive with hand-built graphs.
import type { ClaimStatus, RelationType } from '../domain/model.ts';

export type Mode = 'shutdown' | 'sale' | 'suspend';
export const MODES: readonly Mode[] = ['shutdown', 'sale', 'suspend'];

/** What the company withdraws from. Empty lists and all=false mean nothing. */
export interface Scope {
  all: boolean;
  /** ISO 3166-1 alpha-2 codes, matched against the entities' `country`. */
  countries: string[];
  contracts: string[];
  infrastructure: string[];
  stateBodies: string[];
}

/** An entity as the simulation sees it. */
export interface Facts {
  id: string;
  type: string;
  name: string;
  country?: string | null;
  kind?: string | null;
  size?: number | null;
}

/** A claim as the simulation sees it: stored direction, no sources. */
export interface LocalClaim {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  status: ClaimStatus;
  confidence: number | null;
  percentage?: number | null;
  start?: string | null;
  end?: string | null;
}

/** The buyer in a sale: an entity of the graph, or a hypothetical one named in the request. */
export interface Buyer {
  facts: Facts;
  hypothetical: boolean;
}

/** The part of the graph around the company that the rules read. */
export interface World {
  company: Facts;
  /** The company and the companies it owns through ownership chains. */
  group: Set<string>;
  entities: Map<string, Facts>;
  claims: Map<string, LocalClaim>;
}

/** What the withdrawal changes in the graph, before any path is searched. */
export interface Effect {
  /** Claims the withdrawal ends, each with the reason, in words. */
  removed: Map<string, string>;
  /** Claims a sale creates (the buyer's ownership and operations), ids prefixed "scenario:". */
  added: LocalClaim[];
  /** Group subsidiaries whose ownership passes to the buyer. */
  sold: string[];
  /** Infrastructure that stops running, or stops serving the named customers. */
  stopped: string[];
  /** SERVES claims ended: the population loses the infrastructure's service. */
  lostServices: { population: string; infrastructure: string; claim: string }[];
}

export const SIMULATED_PREFIX = 'scenario:';

export const HARM_TYPES = new Set(['Abuse', 'Conflict']);
export const STATE_TYPES = new Set(['StateBody', 'Government']);
