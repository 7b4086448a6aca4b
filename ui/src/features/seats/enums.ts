import type { BodyKind } from "../../bindings/BodyKind";
import type { SeatRole } from "../../bindings/SeatRole";

/** Every seat role, in the core's order. */
export const SEAT_ROLES: readonly SeatRole[] = ["member", "chair", "co_chair", "vice_chair", "lead", "secretariat"];
/** Every kind of body, in the core's order. */
export const BODY_KINDS: readonly BodyKind[] = ["steering_group", "working_group", "secretariat", "other"];
