-- shale:down of 0001_after

CREATE TABLE "pages" (
	"id" INTEGER NOT NULL,
	"status" TEXT NOT NULL DEFAULT 'draft',
	PRIMARY KEY ("id"),
	CONSTRAINT "pages_status_enum" CHECK ("status" IN ('draft', 'review', 'published'))
);
