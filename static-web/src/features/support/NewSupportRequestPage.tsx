import { Button, Card, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { newIdempotencyKey } from "../../lib/api";
import { useAnnounce } from "../../lib/live";
import { describeError, fieldError } from "../../lib/problems";
import { supportLinkPath } from "../../lib/support";
import { ErrorState, PageHeader } from "../../lib/ui";
import { checkFiles } from "./Conversation";
import {
  acceptedFiles,
  maxMessageLength,
  maxSubjectLength,
  supportCategories,
  useCreateSupportRequest,
  type SupportCategory,
} from "./api";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "760px" },
  back: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalM },
});

/** What a request is about decides the category it starts with. */
function defaultCategory(linkType: string | null): SupportCategory {
  if (!linkType) return "question";
  if (linkType === "orders") return "order";
  if (linkType === "rma-requests" || linkType === "goods-returns") return "return";
  return "documentInaccuracy";
}

/** New support request: from the menu, or from a document or order ("Ask a question about this"), then linked to it. */
export function NewSupportRequestPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const linkType = params.get("linkType");
  const linkId = params.get("linkId");
  const linkLabel = params.get("label") ?? "this document";
  const link = linkType && linkId ? { type: linkType, id: linkId } : null;

  const [subject, setSubject] = useState(link ? `Question about ${linkLabel}` : "");
  const [category, setCategory] = useState<SupportCategory>(defaultCategory(linkType));
  const [message, setMessage] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const key = useRef(newIdempotencyKey());
  const create = useCreateSupportRequest();
  const fileProblem = checkFiles(files);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = { subject: subject.trim() === "", message: message.trim() === "" };
    setMissing(empty);
    if (empty.subject || empty.message || fileProblem) return;
    create.mutate(
      { key: key.current, body: { subject: subject.trim(), category, message, link }, files },
      {
        onSuccess: ({ created, failures }) => {
          announce(`Support request ${created.number} was sent.`);
          navigate(`/support/${encodeURIComponent(created.id)}`, {
            state: failures.length > 0 ? { fileFailures: failures.map((f) => ({ fileName: f.fileName, reason: describeError(f.error).detail ?? describeError(f.error).title })) } : undefined,
          });
        },
        onError: (error) => announce(describeError(error).title, "assertive"),
      },
    );
  };

  const showGeneralError = create.isError && !fieldError(create.error, "subject") && !fieldError(create.error, "message");
  return (
    <>
      <Link to={link ? supportLinkPath(link) : "/support"} className={styles.back}>
        <ArrowLeftRegular aria-hidden /> {link ? `Back to ${linkLabel}` : "Back to support requests"}
      </Link>
      <PageHeader title="New support request" subtitle="Your supplier answers here; you and your colleagues see the answer under Support requests." />
      <Card>
        <form className={styles.form} onSubmit={submit} noValidate aria-label="New support request">
          {link && (
            <Text>
              About: <Link to={supportLinkPath(link)}>{linkLabel}</Link>
            </Text>
          )}
          {showGeneralError && <ErrorState error={create.error} />}
          <Field label="Subject" required validationMessage={missing.subject ? "Enter a subject." : fieldError(create.error, "subject")}>
            <Input value={subject} onChange={(_, d) => setSubject(d.value)} maxLength={maxSubjectLength} />
          </Field>
          <Field label="Category" required>
            <Select value={category} onChange={(_, d) => setCategory(d.value as SupportCategory)}>
              {supportCategories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Message"
            required
            hint={`Plain text, up to ${maxMessageLength} characters.`}
            validationMessage={missing.message ? "Write your question." : fieldError(create.error, "message")}
          >
            <Textarea value={message} onChange={(_, d) => setMessage(d.value)} maxLength={maxMessageLength} rows={7} resize="vertical" />
          </Field>
          <Field label="Files (optional)" validationMessage={fileProblem} hint="Images, PDF, CSV, text or Office files; up to 10 MB each.">
            {(fieldProps) => (
              <input {...fieldProps} type="file" multiple accept={acceptedFiles} onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
            )}
          </Field>
          <div>
            <Button type="submit" appearance="primary" disabled={create.isPending}>
              {create.isPending ? "Sending…" : "Send request"}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
