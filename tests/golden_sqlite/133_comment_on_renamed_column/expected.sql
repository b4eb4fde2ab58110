-- hazard: TABLE_REWRITE rebuilds table "customers" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_customers" (
	"id" INTEGER NOT NULL,
	"plan" TEXT NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "customers_plan_enum" CHECK ("plan" IN ('basic', 'premium'))
);
--> statement-breakpoint
INSERT INTO "__new_customers" ("id", "plan") SELECT "id", "tier" FROM "customers";
--> statement-breakpoint
DROP TABLE "customers";
--> statement-breakpoint
ALTER TABLE "__new_customers" RENAME TO "customers";
--> statement-breakpoint
PRAGMA foreign_key_check("customers");
