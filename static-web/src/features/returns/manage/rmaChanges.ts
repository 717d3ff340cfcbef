// What another clerk (or the ERP) did to an RMA request between the version the desk showed and the latest, in words,
// for the notice after a 412.
import { formatDate } from "../../../lib/format";
import { documentNouns, resolutionLabel, statusLabel, type RmaDetail } from "../api";

export function describeRmaChanges(before: RmaDetail, after: RmaDetail): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`The request is now ${statusLabel(after.status).toLowerCase()} (was ${statusLabel(before.status).toLowerCase()}).`);
  if (before.resolution !== after.resolution && after.resolution) changes.push(`The resolution is now ${resolutionLabel(after.resolution).toLowerCase()}.`);
  if (before.expectedDate !== after.expectedDate && after.expectedDate) changes.push(`The expected date is now ${formatDate(after.expectedDate)}.`);
  if (before.rejectionReason !== after.rejectionReason && after.rejectionReason) changes.push(`Rejected because: ${after.rejectionReason}`);
  const known = new Set(before.documents.map((d) => `${d.type} ${d.number}`));
  for (const d of after.documents.filter((d) => !known.has(`${d.type} ${d.number}`))) changes.push(`${documentNouns[d.type] ?? d.type} ${d.number} was published.`);
  if (changes.length === 0) changes.push("Someone saved it in the meantime.");
  return changes;
}
