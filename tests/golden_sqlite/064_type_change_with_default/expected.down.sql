-- shale:down of 0001_after
-- shale:data-loss: converts "counters"."value" from INTEGER to TEXT: values may change

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_counters" (
	"id" INTEGER NOT NULL,
	"value" TEXT NOT NULL DEFAULT '0',
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_counters" ("id", "value") SELECT "id", CAST("value" AS TEXT) FROM "counters";
--> statement-breakpoint
DROP TABLE "counters";
--> statement-breakpoint
ALTER TABLE "__new_counters" RENAME TO "counters";
--> statement-breakpoint
PRAGMA foreign_key_check("counters");
