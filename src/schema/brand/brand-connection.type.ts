import { connectionType } from "../common/connection.js";
import { Brand } from "./brand.type.js";

/** A page of brand items: `BrandConnection` with `BrandEdge`s. */
export const BrandConnection = connectionType<Brand>("Brand", () => Brand, "brand");
