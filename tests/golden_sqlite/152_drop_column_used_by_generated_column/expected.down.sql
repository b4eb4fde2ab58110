-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_products" (
	"id" INTEGER NOT NULL,
	"net_cents" INTEGER NOT NULL,
	"vat_cents" INTEGER NOT NULL,
	"gross_cents" INTEGER NOT NULL GENERATED ALWAYS AS (net_cents + vat_cents) STORED,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_products" ("id", "net_cents") SELECT "id", "net_cents" FROM "products";
--> statement-breakpoint
DROP TABLE "products";
--> statement-breakpoint
ALTER TABLE "__new_products" RENAME TO "products";
--> statement-breakpoint
PRAGMA foreign_key_check("products");
