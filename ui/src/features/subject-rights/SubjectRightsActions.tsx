import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ErasurePreview } from "../../bindings/ErasurePreview";
import type { OpenFolderPicker } from "../../api/files";
import { Button } from "../../components/Button";
import { DownloadIcon, AlertIcon } from "../../components/Icons";
import { EraseDialog } from "./EraseDialog";
import { SubjectAccessDialog } from "./SubjectAccessDialog";

/** The two data-subject actions of a person's or policy-maker's detail pane. */
export function SubjectRightsActions({
  personId,
  name,
  onErased,
  chooseFolder,
}: {
  personId: string;
  name: string;
  onErased: (result: ErasurePreview) => void;
  chooseFolder?: OpenFolderPicker;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<"none" | "sar" | "erase">("none");
  return (
    <>
      <Button size="sm" icon={<DownloadIcon size={14} />} onClick={() => setOpen("sar")} data-testid="person-sar">
        {t("subjectRights.sarButton")}
      </Button>
      <Button size="sm" variant="danger" icon={<AlertIcon size={14} />} onClick={() => setOpen("erase")} data-testid="person-erase">
        {t("subjectRights.eraseButton")}
      </Button>
      {open === "sar" && (
        <SubjectAccessDialog personId={personId} name={name} onClose={() => setOpen("none")} {...(chooseFolder ? { chooseFolder } : {})} />
      )}
      {open === "erase" && (
        <EraseDialog
          personId={personId}
          onClose={() => setOpen("none")}
          onErased={(result) => {
            setOpen("none");
            onErased(result);
          }}
        />
      )}
    </>
  );
}
