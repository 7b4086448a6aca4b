export { ImportWizard } from "./ImportWizard";
export type { ImportWizardProps, WizardStepInfo } from "./ImportWizard";
