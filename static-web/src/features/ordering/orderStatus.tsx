import { Badge } from "@fluentui/react-components";

// The lifecycle statuses users know from the seed: Sent → In progress → Completed, or Canceled.
export const orderStatuses = [
  { value: "sent", label: "Sent", color: "informative" },
  { value: "inProgress", label: "In progress", color: "warning" },
  { value: "completed", label: "Completed", color: "success" },
  { value: "canceled", label: "Canceled", color: "subtle" },
] as const;

/** The API sends the status camelCase, as every enum; a status added later shows as sent until it has a label. */
export function statusInfo(status: string) {
  return orderStatuses.find((s) => s.value === status) ?? { value: status, label: status, color: "subtle" as const };
}

export function StatusBadge({ status }: { status: string }) {
  const info = statusInfo(status);
  return (
    <Badge appearance="tint" color={info.color}>
      {info.label}
    </Badge>
  );
}
