import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DUPLICATE_REASONS,
  EXPORT_FORMATS,
  LETTER_KINDS,
  LETTER_STATUSES,
  SIGNATORY_ORDERS,
  SIGNATURE_CHANNELS,
  SIGNATURE_STATES,
} from "../features/letters/enums";
import { MEMBERSHIP_STATUSES, MEMBERSHIP_TIERS, ORG_TYPES } from "../features/organisations/enums";
import { NAV_ITEMS } from "../app/nav";
import { BODY_KINDS, SEAT_ROLES } from "../features/seats/enums";
import { INTERACTION_KINDS } from "../features/interactions/enums";
import { DOSSIER_ROLES, EVIDENCE_KINDS, STANCE_LEVELS, VOTE_POSITIONS } from "../features/stances/enums";
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  PARTICIPANT_ROLES,
  PARTICIPANT_STATES,
  PROGRAMME_ISSUE_KINDS,
  SESSION_KINDS,
  SPEAKER_ROLES,
  SPEAKER_STATES,
} from "../features/events/enums";
import { en } from "./strings";

const SRC = join(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "bindings" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function lookup(key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), en);
}

/** A key exists as is, or as i18next plural forms (key_one / key_other). */
function exists(key: string): boolean {
  return typeof lookup(key) === "string" || (typeof lookup(`${key}_one`) === "string" && typeof lookup(`${key}_other`) === "string");
}

describe("translations", () => {
  it("has every literal key used in t(...) calls", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\(\s*["']([A-Za-z0-9_.]+)["']/g)) {
        seen++;
        if (!exists(match[1]!)) missing.push(`${match[1]} (${file.slice(SRC.length + 1)})`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("has a label for every enum value and nav entry", () => {
    const keys = [
      ...ORG_TYPES.map((v) => `orgType.${v}`),
      ...MEMBERSHIP_STATUSES.map((v) => `status.${v}`),
      ...MEMBERSHIP_TIERS.map((v) => `tier.${v}`),
      ...LETTER_KINDS.map((v) => `letterKind.${v}`),
      ...LETTER_STATUSES.map((v) => `letterStatus.${v}`),
      ...SIGNATURE_STATES.map((v) => `signatureState.${v}`),
      ...SIGNATURE_CHANNELS.map((v) => `channel.${v}`),
      ...EXPORT_FORMATS.map((v) => `exportFormat.${v}`),
      ...SIGNATORY_ORDERS.map((v) => `signatoryOrder.${v}`),
      ...DUPLICATE_REASONS.map((v) => `duplicateReason.${v}`),
      ...SEAT_ROLES.map((v) => `seatRole.${v}`),
      ...INTERACTION_KINDS.map((v) => `interactionKind.${v}`),
      ...STANCE_LEVELS.map((v) => `stanceLevel.${v}`),
      ...EVIDENCE_KINDS.map((v) => `evidenceKind.${v}`),
      ...VOTE_POSITIONS.map((v) => `votePosition.${v}`),
      ...DOSSIER_ROLES.map((v) => `dossierRole.${v}`),
      ...BODY_KINDS.map((v) => `bodyKind.${v}`),
      ...EVENT_KINDS.map((v) => `eventKind.${v}`),
      ...EVENT_STATUSES.map((v) => `eventStatus.${v}`),
      ...SESSION_KINDS.map((v) => `eventSessionKind.${v}`),
      ...SPEAKER_ROLES.map((v) => `eventSpeakerRole.${v}`),
      ...SPEAKER_STATES.map((v) => `eventSpeakerState.${v}`),
      ...PARTICIPANT_ROLES.map((v) => `eventParticipantRole.${v}`),
      ...PARTICIPANT_STATES.map((v) => `eventParticipantState.${v}`),
      ...PARTICIPANT_STATES.map((v) => `eventParticipantAction.${v}`),
      ...PROGRAMME_ISSUE_KINDS.map((v) => `eventIssue.${v}`),
      ...NAV_ITEMS.map((n) => n.labelKey),
    ];
    expect(keys.filter((k) => !exists(k))).toEqual([]);
  });

  it("only uses template keys whose prefixes are enum namespaces", () => {
    const prefixes = new Set<string>();
    for (const file of sourceFiles(SRC)) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*`([A-Za-z]+)\.\$\{/g)) prefixes.add(match[1]!);
    }
    expect([...prefixes].sort()).toEqual([
      "bodyKind",
      "channel",
      "dossierRole",
      "duplicateReason",
      "eventIssue",
      "eventKind",
      "eventParticipantAction",
      "eventParticipantRole",
      "eventParticipantState",
      "eventSessionKind",
      "eventSpeakerRole",
      "eventSpeakerState",
      "eventStatus",
      "evidenceKind",
      "exportFormat",
      "interactionKind",
      "letterKind",
      "letterStatus",
      "orgType",
      "seatRole",
      "signatoryOrder",
      "signatureState",
      "stanceLevel",
      "status",
      "tier",
      "votePosition",
    ]);
  });
});
