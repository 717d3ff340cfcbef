// Favourites: a star on a product, kept per user on the server (PUT/DELETE /api/favourites/{sku}). The catalog and the
// cart page both show the star, so it lives here.
import { ToggleButton } from "@fluentui/react-components";
import { StarFilled, StarRegular } from "@fluentui/react-icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, request, type Schema } from "./api";
import { useAnnounce } from "./live";
import { describeError } from "./problems";

export const favouritesQueryKey = ["favourites"] as const;

export function useFavourites(enabled = true) {
  return useQuery({
    queryKey: favouritesQueryKey,
    queryFn: ({ signal }) => api.get<Schema<"ItemListOfProductSummaryView">>("/api/favourites", signal),
    enabled,
  });
}

export function useToggleFavourite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ sku, on }: { sku: string; name: string; on: boolean }) => {
      await request<void>(on ? "PUT" : "DELETE", `/api/favourites/${encodeURIComponent(sku)}`);
    },
    onSettled: () => client.invalidateQueries({ queryKey: favouritesQueryKey }),
  });
}

/** The star: pressed when the product is a favourite. Its name says what it does for screen readers and voice control. */
export function FavouriteButton({ sku, name, describedBy }: { sku: string; name: string; describedBy?: string }) {
  const favourites = useFavourites();
  const toggle = useToggleFavourite();
  const announce = useAnnounce();
  const on = favourites.data?.items.some((p) => p.sku === sku) ?? false;
  return (
    <ToggleButton
      appearance="subtle"
      checked={on}
      icon={on ? <StarFilled /> : <StarRegular />}
      aria-label={`Favourite: ${name}`}
      aria-describedby={describedBy}
      disabled={favourites.isPending || toggle.isPending}
      onClick={() =>
        toggle.mutate(
          { sku, name, on: !on },
          {
            onSuccess: () => announce(on ? `${name} removed from your favourites.` : `${name} added to your favourites.`),
            onError: (error) => announce(describeError(error).title, "assertive"),
          },
        )
      }
    />
  );
}
