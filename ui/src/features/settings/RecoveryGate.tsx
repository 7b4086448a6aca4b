import type { ReactNode } from "react";
import { useStoreInfo } from "../../app/storeInfo";
import { RecoveryScreen } from "./RecoveryScreen";

/** Shows the recovery screen instead of the app while the store is damaged (`store_damaged`). */
export function RecoveryGate({ children }: { children: ReactNode }) {
  const storeInfo = useStoreInfo();
  if (storeInfo.error?.code === "store_damaged") return <RecoveryScreen error={storeInfo.error} onRecovered={storeInfo.reload} />;
  return <>{children}</>;
}
