-- hazard: TABLE_REWRITE rebuilds table "products" (copies every row; drops its triggers)
-- hazard: DELETES_DATA drops column "products"."vat_cents"

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_products" (
	"id" INTEGER NOT NULL,
	"net_cents" INTEGER NOT NULL,
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
