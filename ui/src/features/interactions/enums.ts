import type { InteractionKind } from "../../bindings/InteractionKind";

/** Every interaction kind, in the core's order. */
export const INTERACTION_KINDS: readonly InteractionKind[] = ["meeting", "call", "email", "letter", "hearing"];
