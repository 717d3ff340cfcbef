import { Badge } from "@fluentui/react-components";
import { rmaStatuses, type RmaStatus } from "./api";

/** The lifecycle status as the Sent tab and the desk show it. */
export function RmaStatusBadge({ status }: { status: RmaStatus }) {
  const info = rmaStatuses.find((s) => s.value === status) ?? { label: status, color: "subtle" as const };
  return (
    <Badge appearance="tint" color={info.color}>
      {info.label}
    </Badge>
  );
}
