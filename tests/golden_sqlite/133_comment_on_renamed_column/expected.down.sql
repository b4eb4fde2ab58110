-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_customers" (
	"id" INTEGER NOT NULL,
	"tier" TEXT NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "customers_tier_enum" CHECK ("tier" IN ('basic', 'premium'))
);
--> statement-breakpoint
INSERT INTO "__new_customers" ("id", "tier") SELECT "id", "plan" FROM "customers";
--> statement-breakpoint
DROP TABLE "customers";
--> statement-breakpoint
ALTER TABLE "__new_customers" RENAME TO "customers";
--> statement-breakpoint
PRAGMA foreign_key_check("customers");
