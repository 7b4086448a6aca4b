import type { DuplicateReason } from "../../bindings/DuplicateReason";
import type { ExportFormat } from "../../bindings/ExportFormat";
import type { LetterKind } from "../../bindings/LetterKind";
import type { LetterStatus } from "../../bindings/LetterStatus";
import type { SignatoryOrder } from "../../bindings/SignatoryOrder";
import type { SignatureChannel } from "../../bindings/SignatureChannel";
import type { SignatureState } from "../../bindings/SignatureState";

/** Compile-time check that a tuple lists every member of a union. */
type Exhaustive<Union, List extends readonly Union[]> = [Union] extends [List[number]] ? List : never;

const kinds = ["open_letter", "joint_statement", "position_paper", "consultation_response", "petition"] as const satisfies readonly LetterKind[];
export const LETTER_KINDS: Exhaustive<LetterKind, typeof kinds> = kinds;

const statuses = ["drafting", "collecting", "published", "closed"] as const satisfies readonly LetterStatus[];
export const LETTER_STATUSES: Exhaustive<LetterStatus, typeof statuses> = statuses;

const states = ["signed", "invited", "declined", "withdrawn"] as const satisfies readonly SignatureState[];
export const SIGNATURE_STATES: Exhaustive<SignatureState, typeof states> = states;

const channels = ["email", "web_form", "phone", "in_person"] as const satisfies readonly SignatureChannel[];
export const SIGNATURE_CHANNELS: Exhaustive<SignatureChannel, typeof channels> = channels;

const formats = ["xlsx", "csv", "docx", "pdf", "txt", "md", "json"] as const satisfies readonly ExportFormat[];
export const EXPORT_FORMATS: Exhaustive<ExportFormat, typeof formats> = formats;

const orders = ["alpha", "country", "steering_first"] as const satisfies readonly SignatoryOrder[];
export const SIGNATORY_ORDERS: Exhaustive<SignatoryOrder, typeof orders> = orders;

const reasons = ["same_name", "acronym_is_name", "similar"] as const satisfies readonly DuplicateReason[];
export const DUPLICATE_REASONS: Exhaustive<DuplicateReason, typeof reasons> = reasons;

/** The symbol the signature matrix shows for a state (blank: never asked). */
export const STATE_SYMBOL: Record<SignatureState, string> = {
  signed: "✓",
  declined: "✗",
  invited: "?",
  withdrawn: "⊘",
};
