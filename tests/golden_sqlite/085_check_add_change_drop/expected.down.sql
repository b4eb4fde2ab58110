-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_products" (
	"id" INTEGER NOT NULL,
	"price" INTEGER NOT NULL,
	"stock" INTEGER NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "products_price_positive" CHECK (price > 0),
	CONSTRAINT "products_stock_check" CHECK (stock >= 0)
);
--> statement-breakpoint
INSERT INTO "__new_products" ("id", "price", "stock") SELECT "id", "price", "stock" FROM "products";
--> statement-breakpoint
DROP TABLE "products";
--> statement-breakpoint
ALTER TABLE "__new_products" RENAME TO "products";
--> statement-breakpoint
PRAGMA foreign_key_check("products");
