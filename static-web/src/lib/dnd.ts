import { useState, type DragEvent as ReactDragEvent } from "react";

// Drag and drop between features without one importing the other: the catalog puts a product on the drag
// data under this type, and whatever drop target the app places next to it (the cart) reads it.
export const productDragType = "application/x-portal-product";

export interface DraggedProduct {
  sku: string;
  name: string;
}

export function readDraggedProduct(data: DataTransfer | null): DraggedProduct | null {
  const raw = data?.getData(productDragType);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<DraggedProduct>;
    return typeof value.sku === "string" ? { sku: value.sku, name: value.name ?? value.sku } : null;
  } catch {
    return null;
  }
}

/** What a drag source needs: the product on the drag data (and as text, for anything else it is dropped on). */
export function startProductDrag(event: ReactDragEvent, product: DraggedProduct): void {
  event.dataTransfer.setData(productDragType, JSON.stringify(product));
  event.dataTransfer.setData("text/plain", `${product.name} (${product.sku})`);
  event.dataTransfer.effectAllowed = "copy";
}

/**
 * A drop target for products: the handlers to spread on the element and whether a product is over it (to show it).
 * It only reacts to products, so dragging a file or text over it does nothing.
 */
export function useProductDropTarget(onProduct: (product: DraggedProduct) => void) {
  const [over, setOver] = useState(false);
  const accepts = (event: ReactDragEvent) => event.dataTransfer.types.includes(productDragType);
  const onDragOver = (event: ReactDragEvent) => {
    if (!accepts(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  return {
    over,
    handlers: {
      onDragOver,
      onDragEnter: onDragOver,
      onDragLeave: () => setOver(false),
      onDrop: (event: ReactDragEvent) => {
        setOver(false);
        const product = readDraggedProduct(event.dataTransfer);
        if (!product) return;
        event.preventDefault();
        onProduct(product);
      },
    },
  };
}
