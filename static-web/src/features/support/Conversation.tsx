// The conversation of a request, oldest message first, and the form to write into it. The same for customers and
// the supplier's staff; only the routes differ.
import { Badge, Button, Field, Text, Textarea, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { AttachRegular, DocumentRegular } from "@fluentui/react-icons";
import { useRef, useState, type FormEvent } from "react";
import { newIdempotencyKey } from "../../lib/api";
import { formatDateTime, formatFileSize } from "../../lib/format";
import { useAnnounce } from "../../lib/live";
import { describeError, fieldError } from "../../lib/problems";
import { ErrorState, Notice } from "../../lib/ui";
import {
  acceptedFiles,
  fetchEarlierMessages,
  maxFileBytes,
  maxFilesPerMessage,
  maxMessageLength,
  type FileFailure,
  type Reply,
  type SupportMessage,
} from "./api";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalM },
  message: {
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: "760px",
  },
  supplier: { backgroundColor: tokens.colorBrandBackground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  head: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", marginBottom: tokens.spacingVerticalXS },
  time: { color: tokens.colorNeutralForeground2 },
  // Plain text as written: line breaks and tabs kept, long words wrapped; never rendered as HTML.
  body: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontFamily: "inherit" },
  files: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: 0, listStyle: "none", display: "grid", gap: tokens.spacingVerticalXXS },
  earlier: { justifySelf: "start" },
  form: { display: "grid", gap: tokens.spacingVerticalM, maxWidth: "760px" },
  chosen: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/**
 * The messages, oldest first. The request comes with its newest page (newest first from the API); "Show earlier
 * messages" loads the pages before it, so a long conversation is never loaded whole.
 */
export function Conversation(props: {
  base: string;
  newest: SupportMessage[];
  continuation: string | null | undefined;
  supplierName: string;
  viewer: "customer" | "staff";
}) {
  const { base, newest, continuation, supplierName, viewer } = props;
  const styles = useStyles();
  // Earlier pages belong to the newest page they were loaded after; a refreshed request starts again from its own.
  const [loaded, setLoaded] = useState<{ after: string | null | undefined; earlier: SupportMessage[]; next: string | null | undefined }>({
    after: continuation,
    earlier: [],
    next: continuation,
  });
  const current = loaded.after === continuation ? loaded : { after: continuation, earlier: [], next: continuation };
  const { earlier, next } = current;
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const loadEarlier = async () => {
    if (!next) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchEarlierMessages(base, next);
      setLoaded({ after: continuation, earlier: [...earlier, ...page.items], next: page.continuation });
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const messages = [...newest, ...earlier.filter((m) => !newest.some((n) => n.id === m.id))].reverse();
  return (
    <>
      {next && (
        <Button className={styles.earlier} onClick={loadEarlier} disabled={loading}>
          {loading ? "Loading…" : "Show earlier messages"}
        </Button>
      )}
      {error !== null && <ErrorState error={error} onRetry={loadEarlier} />}
      <ol className={styles.list} aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id} className={mergeClasses(styles.message, m.fromSupplier && styles.supplier)}>
            <div className={styles.head}>
              <Text weight="semibold">{m.mine ? "You" : m.author}</Text>
              {m.fromSupplier && viewer === "customer" && (
                <Badge appearance="tint" color="brand">
                  {supplierName}
                </Badge>
              )}
              {!m.fromSupplier && viewer === "staff" && (
                <Badge appearance="tint" color="informative">
                  Customer
                </Badge>
              )}
              <Text size={200} className={styles.time}>
                {formatDateTime(m.at)}
              </Text>
            </div>
            <p className={styles.body}>{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className={styles.files} aria-label="Files">
                {m.attachments.map((file) => (
                  <li key={file.id}>
                    <a href={`${base}/messages/${m.id}/attachments/${file.id}`} download>
                      <DocumentRegular aria-hidden /> {file.fileName}
                    </a>{" "}
                    <Text size={200} className={styles.time}>
                      ({formatFileSize(file.size)})
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Checks the chosen files as the server will, so nobody waits for an upload that is refused. */
export function checkFiles(files: File[]): string | undefined {
  if (files.length > maxFilesPerMessage) return `Attach at most ${maxFilesPerMessage} files to one message.`;
  const allowed = acceptedFiles.split(",");
  const wrong = files.find((f) => !allowed.includes(f.name.slice(f.name.lastIndexOf(".")).toLowerCase()));
  if (wrong) return `${wrong.name}: attach images, PDF, CSV, text or Office files.`;
  const large = files.find((f) => f.size > maxFileBytes);
  if (large) return `${large.name} is larger than 10 MB.`;
  return undefined;
}

/** The text box and file picker for a message, with the files that could not be attached reported after sending. */
export function MessageForm(props: {
  label: string;
  submitLabel: string;
  send: (reply: Reply) => Promise<{ failures: FileFailure[] }>;
  pending: boolean;
  error: unknown;
  disabled?: boolean;
}) {
  const { label, submitLabel, send, pending, error, disabled } = props;
  const styles = useStyles();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [failures, setFailures] = useState<FileFailure[]>([]);
  const [empty, setEmpty] = useState(false);
  // One key per attempt: the same text sent again after a failure is the same message, posted once.
  const key = useRef(newIdempotencyKey());
  const fileInput = useRef<HTMLInputElement>(null);
  const announce = useAnnounce();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === "") {
      setEmpty(true);
      return;
    }
    if (fileProblem) return;
    setFailures([]);
    try {
      const result = await send({ key: key.current, body, files });
      setBody("");
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
      key.current = newIdempotencyKey();
      setFailures(result.failures);
      announce(result.failures.length > 0 ? "Your message was sent, but some files were not attached." : "Your message was sent.");
    } catch (e) {
      announce(describeError(e).title, "assertive");
    }
  };

  const textError = (empty ? "Write a message." : undefined) ?? fieldError(error, "body");
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {error !== null && error !== undefined && !fieldError(error, "body") && <ErrorState error={error} />}
      {failures.length > 0 && (
        <Notice intent="warning" title="Your message was sent, but these files were not attached:">
          <ul className={styles.chosen}>
            {failures.map((f) => (
              <li key={f.fileName}>
                {f.fileName}: {describeError(f.error).detail ?? describeError(f.error).title}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <Field label={label} required validationMessage={textError} hint={`Plain text, up to ${maxMessageLength} characters.`}>
        <Textarea
          value={body}
          onChange={(_, d) => {
            setBody(d.value);
            setEmpty(false);
          }}
          maxLength={maxMessageLength}
          rows={5}
          resize="vertical"
          disabled={disabled || pending}
        />
      </Field>
      <Field label="Files (optional)" validationMessage={fileProblem} hint="Images, PDF, CSV, text or Office files; up to 10 MB each.">
        {(fieldProps) => (
        <input
          {...fieldProps}
          ref={fileInput}
          type="file"
          multiple
          accept={acceptedFiles}
          disabled={disabled || pending}
          onChange={(e) => {
            const chosen = Array.from(e.target.files ?? []);
            setFiles(chosen);
            setFileProblem(checkFiles(chosen));
          }}
        />
        )}
      </Field>
      {files.length > 0 && (
        <ul className={styles.chosen} aria-label="Files to attach">
          {files.map((f) => (
            <li key={f.name}>
              <AttachRegular aria-hidden /> {f.name} ({formatFileSize(f.size)})
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled || pending}>
          {pending ? "Sending…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
