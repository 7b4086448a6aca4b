export { EraseDialog, ERASED_MARKER } from "./EraseDialog";
export { SubjectAccessDialog } from "./SubjectAccessDialog";
export { SubjectRightsActions } from "./SubjectRightsActions";
