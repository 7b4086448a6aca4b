import type { Signature } from "../../bindings/Signature";
import type { SignatureInput } from "../../bindings/SignatureInput";
import type { SignatureState } from "../../bindings/SignatureState";

/** The date of a signature's current state. */
export function stateDate(signature: Signature): string | null {
  switch (signature.state) {
    case "signed":
      return signature.signed_on;
    case "declined":
      return signature.declined_on;
    case "withdrawn":
      return signature.withdrawn_on;
    case "invited":
      return signature.invited_on;
  }
}

/**
 * The SignatureInput that leaves a signature as it is: the base of every edit
 * (signature_set replaces the whole record, so unchanged fields are sent back).
 */
export function inputFromSignature(signature: Signature, overrides: Partial<SignatureInput> = {}): SignatureInput {
  return {
    state: signature.state,
    date: stateDate(signature),
    channel: signature.channel,
    publish_organisation: signature.publish_organisation,
    publish_signer: signature.publish_signer,
    display_name: signature.display_name,
    signer_name: signature.signer_name,
    signer_title: signature.signer_title,
    signer_person_id: signature.signer_person_id,
    withdrawal_reason: signature.state === "withdrawn" ? signature.withdrawal_reason : null,
    ...overrides,
  };
}

/** The state a coordinator most likely records next (only a default). */
export const SUGGESTED_NEXT_STATE: Record<SignatureState, SignatureState> = {
  invited: "signed",
  signed: "withdrawn",
  declined: "signed",
  withdrawn: "signed",
};

export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
