-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_notes" (
	"id" INTEGER NOT NULL,
	"mood" TEXT NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "notes_mood_enum" CHECK ("mood" IN ('it''s fine', 'Über'))
);
--> statement-breakpoint
INSERT INTO "__new_notes" ("id", "mood") SELECT "id", "mood" FROM "notes";
--> statement-breakpoint
DROP TABLE "notes";
--> statement-breakpoint
ALTER TABLE "__new_notes" RENAME TO "notes";
--> statement-breakpoint
PRAGMA foreign_key_check("notes");
