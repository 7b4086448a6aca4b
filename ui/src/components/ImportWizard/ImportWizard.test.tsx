import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import "../../i18n";
import { ImportWizard } from "./ImportWizard";

const STEPS = [
  { id: "one", label: "One" },
  { id: "two", label: "Two" },
  { id: "three", label: "Three" },
];

function Harness({ onConfirm, onClose, blockAt = -1 }: { onConfirm: () => void; onClose: () => void; blockAt?: number }) {
  const [step, setStep] = useState(0);
  return (
    <ImportWizard
      open
      onClose={onClose}
      title="Import things"
      steps={STEPS}
      current={step}
      canNext={step !== blockAt}
      blockedReason={step === blockAt ? "Decide first" : undefined}
      onNext={() => (step === STEPS.length - 1 ? onConfirm() : setStep(step + 1))}
      onBack={() => setStep(step - 1)}
    >
      <p>Content of {STEPS[step]!.label}</p>
    </ImportWizard>
  );
}

describe("ImportWizard", () => {
  it("shows the stepper, moves with Next/Back and Enter, and confirms on the last step", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} onClose={vi.fn()} />);
    expect(screen.getByText("Content of One")).toBeInTheDocument();
    expect(screen.getByText("One").closest("li")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("wizard-back")).toBeDisabled();

    await user.click(screen.getByTestId("wizard-next"));
    expect(screen.getByText("Content of Two")).toBeInTheDocument();
    await user.click(screen.getByTestId("wizard-back"));
    expect(screen.getByText("Content of One")).toBeInTheDocument();

    screen.getByText("Content of One").focus();
    await user.click(screen.getByText("Content of One"));
    await user.keyboard("{Enter}");
    expect(screen.getByText("Content of Two")).toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("wizard-confirm")).toBeInTheDocument();
    expect(screen.queryByTestId("wizard-next")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("wizard-confirm"));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("blocks Next with a reason, and closes with Esc", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Harness onConfirm={vi.fn()} onClose={onClose} blockAt={0} />);
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    expect(screen.getByTestId("wizard-blocked")).toHaveTextContent("Decide first");
    await user.click(screen.getByText("Content of One"));
    await user.keyboard("{Enter}");
    expect(screen.getByText("Content of One")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });
});
