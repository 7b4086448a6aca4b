import type { DossierRole } from "../../bindings/DossierRole";
import type { EvidenceKind } from "../../bindings/EvidenceKind";
import type { StanceLevel } from "../../bindings/StanceLevel";
import type { VotePosition } from "../../bindings/VotePosition";

/** Every stance level, most favourable first: the board's columns, in order. */
export const STANCE_LEVELS: readonly StanceLevel[] = ["champion", "supportive", "undecided", "sceptical", "opposed", "unknown"];
/** Every kind of evidence, in the core's order. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ["vote", "meeting", "public_statement", "social_media", "other"];
/** Every roll-call position. */
export const VOTE_POSITIONS: readonly VotePosition[] = ["for", "against", "abstention", "did_not_vote"];
/** Every role on a dossier. */
export const DOSSIER_ROLES: readonly DossierRole[] = ["rapporteur", "shadow_rapporteur"];

/** Evidence that needs a source (a link or a note). */
export function needsSource(kind: EvidenceKind): boolean {
  return kind === "public_statement" || kind === "social_media";
}
