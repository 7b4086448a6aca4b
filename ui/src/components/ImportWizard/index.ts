export { ImportWizard } from "./ImportWizard";
export type { ImportWizardProps, WizardStepInfo } from "./ImportWizard";
export { TableImportWizard, readTable } from "./TableImportWizard";
export type { ChosenTable, TableImportReport, TableImportStat, TableImportWizardProps } from "./TableImportWizard";
