CREATE TABLE "assignments" (
	"id" INTEGER NOT NULL,
	"owner_id" INTEGER NOT NULL,
	"reviewer_id" INTEGER,
	"fallback_id" INTEGER NOT NULL DEFAULT 0,
	"creator_id" INTEGER NOT NULL,
	"editor_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "assignments_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "people"("id"),
	CONSTRAINT "assignments_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "people"("id") ON UPDATE CASCADE,
	CONSTRAINT "assignments_fallback_id_fkey" FOREIGN KEY ("fallback_id") REFERENCES "people"("id") ON DELETE SET DEFAULT,
	CONSTRAINT "assignments_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "people"("id") ON DELETE RESTRICT,
	CONSTRAINT "assignments_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "people"("id") ON DELETE SET NULL ON UPDATE RESTRICT
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" INTEGER NOT NULL,
	PRIMARY KEY ("id")
);
