-- hazard: TABLE_REWRITE rebuilds table "counters" (copies every row; drops its triggers)
-- hazard: DELETES_DATA converts "counters"."value" from TEXT to INTEGER: values may change

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_counters" (
	"id" INTEGER NOT NULL,
	"value" INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_counters" ("id", "value") SELECT "id", CAST("value" AS INTEGER) FROM "counters";
--> statement-breakpoint
DROP TABLE "counters";
--> statement-breakpoint
ALTER TABLE "__new_counters" RENAME TO "counters";
--> statement-breakpoint
PRAGMA foreign_key_check("counters");
