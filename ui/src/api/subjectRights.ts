import type { ErasurePreview } from "../bindings/ErasurePreview";
import { call } from "./call";

/** The backend methods for a data subject's rights: subject-access export and erasure. */
export interface SubjectRightsApi {
  /** Writes `<name>-subject-access-<date>.json` and `.pdf` into `dir`; resolves to their paths. */
  sarWrite(personId: string, dir: string): Promise<string[]>;
  /** What erasing the person would remove and anonymise (nothing is written). */
  erasurePreview(personId: string): Promise<ErasurePreview>;
  /** Erases the person; `confirm` must be their display name (a `confirm` field error otherwise). */
  personErase(personId: string, confirm: string): Promise<ErasurePreview>;
}

export const subjectRightsBackend: SubjectRightsApi = {
  sarWrite: (personId, dir) => call("sar_write", { personId, dir }),
  erasurePreview: (personId) => call("erasure_preview", { personId }),
  personErase: (personId, confirm) => call("person_erase", { personId, confirm }),
};
