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
