// A list's filters kept in the address, so a filtered list can be bookmarked or shared and Back returns to it, and the
// drop-down every filter bar is made of.
import { Field, Select } from "@fluentui/react-components";
import { useSearchParams } from "react-router";

/** One text value per filter name ("" when unset), a setter that replaces the history entry, and a way to clear them all. */
export function useUrlFilters<N extends string>(names: readonly N[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ""])) as Record<N, string>;
  const setFilter = (name: N, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    filtered: names.some((n) => filters[n] !== ""),
    setFilter,
    clear: () => setParams({}, { replace: true }),
  };
}

export interface FilterChoice {
  value: string;
  label: string;
}

/** One filter of a list: "All" (or `anyLabel`) for no filter (""), then the choices. */
export function FilterSelect(props: {
  label: string;
  value: string;
  choices: readonly FilterChoice[];
  onChange: (value: string) => void;
  anyLabel?: string;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">{props.anyLabel ?? "All"}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
