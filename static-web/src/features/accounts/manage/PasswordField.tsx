import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CopyRegular, KeyRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useAnnounce } from "../../../lib/live";
import { generatePassword } from "./password";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  input: { flexGrow: 1, minWidth: "12em" },
  secret: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, overflowWrap: "anywhere" },
});

/**
 * A password a member of staff types or generates. A generated one is shown in clear (it has to be passed on),
 * with a copy button; a typed one is hidden like any password.
 */
export function PasswordField({
  label,
  value,
  onChange,
  validationMessage,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  validationMessage?: string;
  hint?: string;
}) {
  const styles = useStyles();
  const announce = useAnnounce();
  const [generated, setGenerated] = useState(false);
  return (
    <Field label={label} hint={hint} validationMessage={validationMessage}>
      <div className={styles.row}>
        <Input
          className={styles.input}
          type={generated ? "text" : "password"}
          value={value}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(_, d) => {
            setGenerated(false);
            onChange(d.value);
          }}
        />
        <Button
          type="button"
          icon={<KeyRegular />}
          onClick={() => {
            onChange(generatePassword());
            setGenerated(true);
            announce("A strong password was generated and is shown in the field.");
          }}
        >
          Generate
        </Button>
        {generated && <CopyButton text={value} what="password" />}
      </div>
    </Field>
  );
}

/** Copies a value to the clipboard and says so. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const announce = useAnnounce();
  return (
    <Button
      type="button"
      icon={<CopyRegular />}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          announce(`The ${what} was copied.`);
        } catch {
          announce(`The ${what} could not be copied; select it and copy it by hand.`, "assertive");
        }
      }}
    >
      Copy {what}
    </Button>
  );
}

/** A password shown once after it was set: the only time anyone sees it. */
export function ShownOncePassword({ password }: { password: string }) {
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Text className={styles.secret} data-testid="shown-password">
        {password}
      </Text>
      <CopyButton text={password} what="password" />
    </div>
  );
}
