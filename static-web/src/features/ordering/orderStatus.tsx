import { Badge, type BadgeProps } from "@fluentui/react-components";
import type { OrderStatus } from "./api";

interface StatusLabel {
  label: string;
  color: NonNullable<BadgeProps["color"]>;
}

// The lifecycle statuses users know from the seed: Sent → In progress → Completed, or Canceled. One entry per
// value of the API's OrderStatus, so a status added in C# fails the build here until it has a label.
const statusLabels: Record<OrderStatus, StatusLabel> = {
  sent: { label: "Sent", color: "informative" },
  inProgress: { label: "In progress", color: "warning" },
  completed: { label: "Completed", color: "success" },
  canceled: { label: "Canceled", color: "subtle" },
};

export const orderStatuses = Object.entries(statusLabels).map(([value, info]) => ({ value, ...info }));

/** For values that come from outside the API's answers, such as the address's `?status=`. */
export function isOrderStatus(value: string | null | undefined): value is OrderStatus {
  return value != null && Object.hasOwn(statusLabels, value);
}

export function statusInfo(status: OrderStatus): { value: string } & StatusLabel {
  // A status from an API newer than this page, one it has no label for yet, shows as the API sent it.
  const known: StatusLabel | undefined = statusLabels[status];
  return { value: status, ...(known ?? { label: status, color: "subtle" }) };
}

export function StatusBadge({ status }: { status: OrderStatus }) {
  const info = statusInfo(status);
  return (
    <Badge appearance="tint" color={info.color}>
      {info.label}
    </Badge>
  );
}
