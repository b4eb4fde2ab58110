-- hazard: TABLE_REWRITE rebuilds table "notes" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_notes" (
	"id" INTEGER NOT NULL,
	"mood" TEXT NOT NULL DEFAULT 'it''s fine',
	PRIMARY KEY ("id"),
	CONSTRAINT "notes_mood_enum" CHECK ("mood" IN ('''tis bad', 'it''s fine', 'so-so \ meh', 'Über', 'très ''bien'''))
);
--> statement-breakpoint
INSERT INTO "__new_notes" ("id", "mood") SELECT "id", "mood" FROM "notes";
--> statement-breakpoint
DROP TABLE "notes";
--> statement-breakpoint
ALTER TABLE "__new_notes" RENAME TO "notes";
--> statement-breakpoint
PRAGMA foreign_key_check("notes");
